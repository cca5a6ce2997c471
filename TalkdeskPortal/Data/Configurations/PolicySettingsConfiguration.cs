using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalkdeskPortal.Lifecycle;

namespace TalkdeskPortal.Data.Configurations;

public sealed class PolicySettingsConfiguration : IEntityTypeConfiguration<PolicySettings>
{
    public void Configure(EntityTypeBuilder<PolicySettings> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.UpdatedBy).HasMaxLength(256);
    }
}
