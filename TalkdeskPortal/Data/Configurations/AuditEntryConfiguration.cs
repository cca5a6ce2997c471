using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalkdeskPortal.Audit;

namespace TalkdeskPortal.Data.Configurations;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.Actor).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.Outcome).HasMaxLength(32);
        builder.Property(a => a.EventId).HasMaxLength(100);
        builder.Property(a => a.AccountId).HasMaxLength(100);
        builder.Property(a => a.Detail).HasMaxLength(2000);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => a.RequestId);
        builder.HasIndex(a => a.TenantId);
        // A request's timeline: its event's entries written before the request had an id.
        builder.HasIndex(a => new { a.EventId, a.RequestId });
        builder.HasOne(a => a.Tenant).WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.SetNull);
    }
}
