using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Data;
using TalkdeskPortal.Lifecycle.Jobs;
using TalkdeskPortal.Product.Jobs;

namespace TalkdeskPortal.Product;

/// <summary>
/// Delivers an account's webhooks one at a time, oldest first: a later one never overtakes an earlier one that is
/// still being retried. Each attempt is recorded; a 2xx is Delivered, another 4xx Refused, anything else (no answer,
/// 5xx, 408, 429) Retrying on a durable Hangfire schedule until the delivery's window closes (then Failed).
/// Safe to call for any id at any time: the rows decide what is due.
/// </summary>
public sealed class ProductDeliverer(
    IDbContextFactory<PortalDbContext> dbFactory,
    ProductDeliveryClient client,
    ProductGate gate,
    AccountGate accounts,
    ISharedLocks shared,
    ProductDeliveryDispatcher dispatcher,
    IBackgroundJobClient jobs,
    IOptionsMonitor<ProductOptions> options,
    AuditLog audit,
    TimeProvider time,
    ILogger<ProductDeliverer> logger)
{
    public const string LockScope = "product";
    private static readonly TimeSpan EarlyTolerance = TimeSpan.FromSeconds(2);
    private readonly BusyElsewhere _elsewhere = new(dispatcher, logger);

    public async Task RunAsync(long deliveryId, CancellationToken ct)
    {
        if (!options.CurrentValue.Enabled) return;
        string? account;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            account = await db.ProductDeliveries.Where(d => d.Id == deliveryId).Select(d => d.AccountId).FirstOrDefaultAsync(ct);
        if (account is null || !accounts.TryEnter(account)) return; // a busy account: its sender takes another pass
        var exited = false;
        try
        {
            // Another instance sending this account's webhooks keeps them in order there; this one tries again soon.
            await using var everywhere = await shared.TryAcquireAsync(LockScope, account, ct);
            if (everywhere is null)
            {
                _elsewhere.TryAgainSoon(deliveryId);
                return;
            }
            _elsewhere.Done(deliveryId);
            do await DrainAsync(account, ct);
            while (!(exited = accounts.TryExit(account)));
        }
        finally
        {
            if (!exited) accounts.Release(account);
        }
    }

    /// <summary>Staff asked for this one again, now: one attempt, whatever its state and place in line.</summary>
    public async Task<ProductDeliveryState?> ResendAsync(long deliveryId, string actor, CancellationToken ct)
    {
        if (!options.CurrentValue.Enabled) return null;
        var state = await AttemptAsync(deliveryId, actor, force: true, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        audit.Add(db, actor, "delivery.resent", state == ProductDeliveryState.Delivered ? AuditOutcomes.Ok : AuditOutcomes.Failed,
            detail: $"Delivery {deliveryId} sent again by staff: {state}");
        await db.SaveChangesAsync(ct);
        return state;
    }

    private async Task DrainAsync(string account, CancellationToken ct)
    {
        long? previous = null;
        while (await NextDueAsync(account, ct) is { } id && id != previous)
        {
            previous = id;
            if (await AttemptAsync(id, AuditActors.System, force: false, ct) is ProductDeliveryState.Retrying or null) return;
        }
    }

    // The account's oldest open delivery, if it is due; a later one waits behind it.
    private async Task<long?> NextDueAsync(string account, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var head = await db.ProductDeliveries.AsNoTracking()
            .Where(d => d.AccountId == account && (d.State == ProductDeliveryState.Pending || d.State == ProductDeliveryState.Retrying))
            .OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.State, d.NextAttemptAt })
            .FirstOrDefaultAsync(ct);
        if (head is null) return null;
        if (head.State == ProductDeliveryState.Retrying && head.NextAttemptAt > time.GetUtcNow() + EarlyTolerance) return null;
        return head.Id;
    }

    private async Task<ProductDeliveryState?> AttemptAsync(long id, string trigger, bool force, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var delivery = await db.ProductDeliveries.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (delivery is null) return null;
        // Retention erased a settled delivery's body: a resend would send the product an empty event.
        if (delivery.Body == Retention.PayloadEraser.ErasedJson) return null;
        if (!force && delivery.State is not (ProductDeliveryState.Pending or ProductDeliveryState.Retrying)) return delivery.State;

        var (response, took) = await client.SendAsync(delivery.MessageId, delivery.Body, ct);
        var now = time.GetUtcNow();
        delivery.Attempts++;
        delivery.AttemptLog.Add(new ProductDeliveryAttempt
        {
            Number = delivery.Attempts, StartedAt = now - took, DurationMs = (int)Math.Round(took.TotalMilliseconds),
            StatusCode = response.StatusCode, ResponseSnippet = response.Snippet, Error = Trim(response.Error), Trigger = trigger,
        });
        delivery.LastStatusCode = response.StatusCode;
        delivery.UpdatedAt = now;
        // Once the product has answered, the answer must be recorded even if the portal is stopping (no resend at restart).
        await RecordOutcomeAsync(db, delivery, response, now, CancellationToken.None);
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Delivery {DeliveryId} was recorded by another sender meanwhile; this result stands down", id);
            return null;
        }

        logger.LogInformation("Delivery {DeliveryId} ({Type}, {MessageId}) attempt {Attempt}: {Status} in {Ms} ms -> {State}",
            id, delivery.Type, delivery.MessageId, delivery.Attempts, response.StatusCode?.ToString() ?? response.Error, (int)took.TotalMilliseconds, delivery.State);
        if (delivery.State == ProductDeliveryState.Retrying) Schedule(id, delivery.NextAttemptAt!.Value);
        if (delivery is { GatesApproval: true, RequestId: { } requestId }) await gate.SettleAsync(requestId, ct);
        return delivery.State;
    }

    private async Task RecordOutcomeAsync(PortalDbContext db, ProductDelivery delivery, ProductResponse response, DateTimeOffset now, CancellationToken ct)
    {
        delivery.NextAttemptAt = null;
        if (response.Accepted)
        {
            delivery.State = ProductDeliveryState.Delivered;
            delivery.DeliveredAt = now;
            delivery.LastError = null;
            return;
        }
        delivery.LastError = Trim(response.Reason());
        if (response.Refused)
        {
            delivery.State = ProductDeliveryState.Refused;
            return;
        }
        var window = await WindowAsync(db, delivery, ct);
        var next = now + options.CurrentValue.RetryDelay(delivery.Attempts, response.RetryAfter);
        if (next >= window)
        {
            delivery.State = ProductDeliveryState.Failed;
            delivery.LastError = Trim($"{delivery.LastError}; no more attempts (the window closed at {window:u})");
            return;
        }
        delivery.State = ProductDeliveryState.Retrying;
        delivery.NextAttemptAt = next;
    }

    // A webhook that holds an approve is worth retrying until Talkdesk's deadline; any other for GiveUpAfter.
    private async Task<DateTimeOffset> WindowAsync(PortalDbContext db, ProductDelivery delivery, CancellationToken ct)
    {
        if (delivery is { GatesApproval: true, RequestId: { } requestId })
        {
            var deadline = await db.Requests.Where(r => r.Id == requestId).Select(r => (DateTimeOffset?)r.Deadline).FirstOrDefaultAsync(ct);
            if (deadline is not null) return deadline.Value;
        }
        return delivery.CreatedAt + options.CurrentValue.GiveUpAfter;
    }

    private void Schedule(long id, DateTimeOffset at)
    {
        try
        {
            jobs.Schedule<ProductDeliveryJob>(job => job.RunAsync(id, CancellationToken.None), at);
        }
        catch (Exception ex)
        {
            // The row says Retrying with NextAttemptAt; the sweep sends it if this schedule is lost.
            logger.LogError(ex, "Could not schedule the next attempt of delivery {DeliveryId}", id);
        }
    }

    private static string? Trim(string? text) => text is { Length: > 1000 } ? text[..1000] : text;
}
