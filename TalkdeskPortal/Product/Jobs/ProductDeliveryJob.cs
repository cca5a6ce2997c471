using Hangfire;

namespace TalkdeskPortal.Product.Jobs;

/// <summary>A scheduled retry of one webhook delivery (visible in the Hangfire dashboard until due). Takes only the id.</summary>
public sealed class ProductDeliveryJob(ProductDeliverer deliverer)
{
    // The delivery's own schedule (Attempts, NextAttemptAt) drives retries; Hangfire should not loop on top.
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Retry product webhook delivery {0}")]
    public Task RunAsync(long deliveryId, CancellationToken cancellationToken) => deliverer.RunAsync(deliveryId, cancellationToken);
}
