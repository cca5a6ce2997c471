using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Data;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Lifecycle.Jobs;

namespace TalkdeskPortal.Product;

/// <summary>
/// Under ApproveWhen = ProductAccepted, moves a request waiting for the product on its webhook's answer: 2xx → the
/// approve goes to Talkdesk; a refusal → staff decide, seeing the product's words. Safe to call any time.
/// </summary>
public sealed class ProductGate(
    IDbContextFactory<PortalDbContext> dbFactory,
    RequestStateMachine machine,
    RequestDispatcher requests,
    ProductOutbox outbox)
{
    public async Task SettleAsync(long requestId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.Requests.FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request?.State != RequestState.AwaitingProduct) return;
        var delivery = await db.ProductDeliveries.AsNoTracking()
            .Where(d => d.RequestId == requestId && d.GatesApproval)
            .OrderByDescending(d => d.Id)
            .Select(d => new { d.Type, d.State, d.LastStatusCode, d.LastError })
            .FirstOrDefaultAsync(ct);

        if (delivery is null && !outbox.Enabled)
        {
            await AcceptAsync(db, request, "The product bridge was turned off; the approve goes to Talkdesk without it", ct);
            return;
        }
        switch (delivery?.State)
        {
            case ProductDeliveryState.Delivered:
                await AcceptAsync(db, request, $"The product accepted {delivery.Type}; the approve goes to Talkdesk", ct);
                break;
            case ProductDeliveryState.Refused:
                var why = $"The product refused {delivery.Type} (HTTP {delivery.LastStatusCode}): {delivery.LastError?.TrimEnd('.')}.";
                await machine.MoveAsync(db, request, RequestTrigger.ProductRefused, ct, r =>
                {
                    r.ProductAnswer = ProductAnswer.Refused;
                    r.WaitingReason = why;
                    r.Decision = null;
                    r.DecidedBy = null;
                    r.DecidedAt = null;
                }, detail: why);
                break;
        }
    }

    private async Task AcceptAsync(PortalDbContext db, LifecycleRequest request, string detail, CancellationToken ct)
    {
        if (await machine.MoveAsync(db, request, RequestTrigger.ProductAccepted, ct, r => r.ProductAnswer = ProductAnswer.Accepted, detail: detail))
            requests.Notify(request.Id);
    }
}
