using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalkdeskPortal.Lifecycle;

namespace TalkdeskPortal.Data.Configurations;

public sealed class InstallationCredentialConfiguration : IEntityTypeConfiguration<InstallationCredential>
{
    public void Configure(EntityTypeBuilder<InstallationCredential> builder)
    {
        builder.HasKey(c => c.InstallationId);
        builder.Property(c => c.InstallationId).HasMaxLength(100);
        builder.Property(c => c.AppId).HasMaxLength(100);
        builder.Property(c => c.AccountId).HasMaxLength(100);
        builder.Property(c => c.AccountName).HasMaxLength(63);
        builder.Property(c => c.ApiRoot).HasMaxLength(512);
        builder.Property(c => c.ClientId).HasMaxLength(200);
    }
}
