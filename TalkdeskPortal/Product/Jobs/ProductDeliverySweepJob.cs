using Hangfire;

namespace TalkdeskPortal.Product.Jobs;

/// <summary>Recurring: re-sends deliveries nothing holds and moves on requests whose product has answered.</summary>
public sealed class ProductDeliverySweepJob(ProductDeliverySweep sweep)
{
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Resume product webhook deliveries")]
    public Task RunAsync(CancellationToken cancellationToken) => sweep.RunAsync(recovering: false, cancellationToken);
}
