using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalkdeskPortal.Tenants;

namespace TalkdeskPortal.Data.Configurations;

public sealed class TenantUserConfiguration : IEntityTypeConfiguration<TenantUser>
{
    public void Configure(EntityTypeBuilder<TenantUser> builder)
    {
        builder.Property(u => u.TalkdeskUserId).HasMaxLength(100);
        builder.Property(u => u.Email).HasMaxLength(320);
        builder.Property(u => u.Name).HasMaxLength(256);
        builder.HasIndex(u => new { u.TenantId, u.TalkdeskUserId }).IsUnique();
    }
}
