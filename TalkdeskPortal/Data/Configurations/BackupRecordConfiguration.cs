using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalkdeskPortal.Backups;

namespace TalkdeskPortal.Data.Configurations;

public sealed class BackupRecordConfiguration : IEntityTypeConfiguration<BackupRecord>
{
    public void Configure(EntityTypeBuilder<BackupRecord> builder)
    {
        builder.ToTable("Backups");
        builder.Property(b => b.FileName).HasMaxLength(200);
        builder.Property(b => b.StartedBy).HasMaxLength(256);
        builder.Property(b => b.Error).HasMaxLength(2000);
        builder.HasIndex(b => b.StartedAt);
    }
}
