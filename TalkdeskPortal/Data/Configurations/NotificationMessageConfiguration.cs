using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalkdeskPortal.Notifications;

namespace TalkdeskPortal.Data.Configurations;

public sealed class NotificationMessageConfiguration : IEntityTypeConfiguration<NotificationMessage>
{
    public void Configure(EntityTypeBuilder<NotificationMessage> builder)
    {
        builder.Property(m => m.State).IsConcurrencyToken();
        builder.Property(m => m.Attempts).IsConcurrencyToken();
        builder.Property(m => m.DedupeKey).HasMaxLength(400);
        // One message per request, reason, channel and recipient, whatever restarts or retries.
        builder.HasIndex(m => m.DedupeKey).IsUnique();
        builder.Property(m => m.Recipient).HasMaxLength(256);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.Link).HasMaxLength(1000);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.HasIndex(m => new { m.State, m.NextAttemptAt });
        builder.HasIndex(m => m.RequestId);
        builder.HasIndex(m => m.CreatedAt);
    }
}
