using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Data;
using TalkdeskPortal.Lifecycle;

namespace TalkdeskPortal.Product.Jobs;

/// <summary>
/// The safety net under the in-process runner: deliveries that nothing is sending (a crash, a lost schedule) go
/// back to it, and requests whose product already answered are moved on. Safe to run any time.
/// </summary>
public sealed class ProductDeliverySweep(
    IDbContextFactory<PortalDbContext> dbFactory,
    ProductDeliveryDispatcher dispatcher,
    ProductGate gate,
    TimeProvider time,
    ILogger<ProductDeliverySweep> logger)
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    public async Task<int> RunAsync(bool recovering, CancellationToken ct)
    {
        var quietSince = time.GetUtcNow() - (recovering ? TimeSpan.Zero : Grace);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = await db.ProductDeliveries.AsNoTracking()
            .Where(d => (d.State == ProductDeliveryState.Pending && d.UpdatedAt <= quietSince)
                        || (d.State == ProductDeliveryState.Retrying && d.NextAttemptAt <= quietSince))
            .OrderBy(d => d.Id).Select(d => d.Id).Take(2000)
            .ToListAsync(ct);
        foreach (var id in due) dispatcher.Notify(id);

        var answered = await db.Requests.AsNoTracking()
            .Where(r => r.State == RequestState.AwaitingProduct
                        && !db.ProductDeliveries.Any(d => d.RequestId == r.Id && d.GatesApproval
                            && (d.State == ProductDeliveryState.Pending || d.State == ProductDeliveryState.Retrying)))
            .OrderBy(r => r.Id).Select(r => r.Id).Take(500)
            .ToListAsync(ct);
        foreach (var id in answered) await gate.SettleAsync(id, ct);

        if (due.Count + answered.Count > 0)
            logger.LogInformation("Delivery sweep{Recovery}: {Due} deliveries handed to the runner, {Answered} requests moved on",
                recovering ? " at start" : "", due.Count, answered.Count);
        return due.Count + answered.Count;
    }
}
