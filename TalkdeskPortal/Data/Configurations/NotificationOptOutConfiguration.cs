using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalkdeskPortal.Notifications;

namespace TalkdeskPortal.Data.Configurations;

public sealed class NotificationOptOutConfiguration : IEntityTypeConfiguration<NotificationOptOut>
{
    public void Configure(EntityTypeBuilder<NotificationOptOut> builder)
    {
        builder.Property(o => o.StaffUserId).HasMaxLength(450);
        builder.HasIndex(o => new { o.StaffUserId, o.Reason }).IsUnique();
    }
}
