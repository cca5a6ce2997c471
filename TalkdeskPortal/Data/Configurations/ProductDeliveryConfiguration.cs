using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalkdeskPortal.Product;

namespace TalkdeskPortal.Data.Configurations;

public sealed class ProductDeliveryConfiguration : IEntityTypeConfiguration<ProductDelivery>
{
    public void Configure(EntityTypeBuilder<ProductDelivery> builder)
    {
        // Every save is conditional on the state and attempt it was read in: two senders cannot both record a result.
        builder.Property(d => d.State).IsConcurrencyToken();
        builder.Property(d => d.Attempts).IsConcurrencyToken();
        builder.Property(d => d.MessageId).HasMaxLength(100);
        // One delivery per event and type: a redelivered Talkdesk event can never make a second webhook.
        builder.HasIndex(d => d.MessageId).IsUnique();
        builder.Property(d => d.Type).HasMaxLength(64);
        builder.Property(d => d.AccountId).HasMaxLength(100);
        builder.Property(d => d.AccountName).HasMaxLength(63);
        builder.Property(d => d.LastError).HasMaxLength(2000);
        builder.HasIndex(d => new { d.AccountId, d.Id });
        builder.HasIndex(d => new { d.State, d.NextAttemptAt });
        builder.HasIndex(d => d.RequestId);
        builder.HasIndex(d => d.CreatedAt);
        builder.HasMany(d => d.AttemptLog).WithOne().HasForeignKey(a => a.DeliveryId);
    }
}
