using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalkdeskPortal.Webhooks;

namespace TalkdeskPortal.Data.Configurations;

public sealed class EventDeliveryConfiguration : IEntityTypeConfiguration<EventDelivery>
{
    public void Configure(EntityTypeBuilder<EventDelivery> builder)
    {
        builder.Property(d => d.EventId).HasMaxLength(100);
        builder.Property(d => d.RemoteAddress).HasMaxLength(64);
        builder.HasIndex(d => d.EventId);
    }
}
