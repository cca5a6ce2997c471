using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalkdeskPortal.Webhooks;

namespace TalkdeskPortal.Data.Configurations;

public sealed class ReceivedEventConfiguration : IEntityTypeConfiguration<ReceivedEvent>
{
    public void Configure(EntityTypeBuilder<ReceivedEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(100);
        builder.Property(e => e.Type).HasMaxLength(64);
        builder.Property(e => e.AppId).HasMaxLength(100);
        builder.Property(e => e.InstallationId).HasMaxLength(100);
        builder.Property(e => e.AccountId).HasMaxLength(100);
        builder.HasMany(e => e.Deliveries).WithOne().HasForeignKey(d => d.EventId);
        builder.HasIndex(e => e.CreatedAt);
        // Covers the Overview chart's per-day counts.
        builder.HasIndex(e => new { e.FirstReceivedAt, e.Type });
    }
}
