using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalkdeskPortal.Product;

namespace TalkdeskPortal.Data.Configurations;

public sealed class ProductDeliveryAttemptConfiguration : IEntityTypeConfiguration<ProductDeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<ProductDeliveryAttempt> builder)
    {
        builder.Property(a => a.ResponseSnippet).HasMaxLength(1000);
        builder.Property(a => a.Error).HasMaxLength(1000);
        builder.Property(a => a.Trigger).HasMaxLength(256);
        builder.HasIndex(a => new { a.DeliveryId, a.Number });
    }
}
