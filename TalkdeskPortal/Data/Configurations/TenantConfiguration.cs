using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalkdeskPortal.Tenants;

namespace TalkdeskPortal.Data.Configurations;

public sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.Property(t => t.TalkdeskAccountId).HasMaxLength(100);
        builder.HasIndex(t => t.TalkdeskAccountId).IsUnique();
        builder.Property(t => t.AccountName).HasMaxLength(63);
        builder.HasIndex(t => t.AccountName);
        builder.Property(t => t.CompanyName).HasMaxLength(256);
        builder.Property(t => t.Timezone).HasMaxLength(64);
        builder.Property(t => t.AppId).HasMaxLength(100);
        builder.Property(t => t.InstallationId).HasMaxLength(100);
        builder.HasIndex(t => t.InstallationId);
        builder.Property(t => t.AdminTalkdeskUserId).HasMaxLength(100);
        builder.Property(t => t.SubscriptionType).HasMaxLength(32);
        builder.Property(t => t.SubscriptionName).HasMaxLength(128);
        builder.Property(t => t.TrialState).HasMaxLength(32);
        builder.Property(t => t.ReconcileError).HasMaxLength(1000);
        builder.HasIndex(t => new { t.Status, t.ReconciledAt });
        builder.HasMany(t => t.Users).WithOne().HasForeignKey(u => u.TenantId);
        builder.HasMany(t => t.Settings).WithOne().HasForeignKey(s => s.TenantId);
        builder.HasMany(t => t.Checklist).WithOne().HasForeignKey(c => c.TenantId);
    }
}
