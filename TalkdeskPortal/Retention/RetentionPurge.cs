using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Notifications;
using TalkdeskPortal.Product;
using TalkdeskPortal.Tenants;

namespace TalkdeskPortal.Retention;

/// <summary>
/// One retention pass: payloads of requests final for longer than <c>EventPayloadsAfter</c> (and of ignored events,
/// and of reconciliation webhooks), then the personal data of tenants uninstalled for longer than
/// <c>UninstalledTenantAfter</c>. Batches of <c>BatchSize</c> rows, each its own short transaction, a pause between:
/// intake waits at most one batch. Each pass walks its candidates once in index order (keyset), so rows it skipped
/// (a webhook still being sent) do not make it loop; the next pass looks again. One pass at a time in this process.
/// </summary>
public sealed class RetentionPurge(
    RetentionDb dbs,
    PayloadEraser payloads,
    TenantEraser tenants,
    AuditLog audit,
    IOptionsMonitor<RetentionOptions> options,
    TimeProvider time,
    ILogger<RetentionPurge> logger)
{
    private readonly SemaphoreSlim _running = new(1, 1);

    public async Task<RetentionRun> RunAsync(CancellationToken ct)
    {
        if (!await _running.WaitAsync(0, ct)) return new RetentionRun(0, 0, 0, 0, TimeSpan.Zero, AlreadyRunning: true);
        try
        {
            var watch = Stopwatch.StartNew();
            var settings = options.CurrentValue;
            var now = time.GetUtcNow();
            var cutoff = now - settings.EventPayloadsAfter;
            var requests = await ErasePayloadsAsync(cutoff, settings, ct);
            var ignored = await EraseIgnoredEventsAsync(cutoff, settings, ct);
            var deliveries = await EraseDriftDeliveriesAsync(cutoff, settings, ct);
            var erasedTenants = settings.UninstalledTenantAfter is { } after ? await EraseTenantsAsync(now - after, settings, ct) : 0;
            var run = new RetentionRun(requests, ignored, deliveries, erasedTenants, watch.Elapsed);
            if (run.ChangedAnything) await RecordAsync(run, ct);
            return run;
        }
        finally
        {
            _running.Release();
        }
    }

    private async Task<int> ErasePayloadsAsync(DateTimeOffset cutoff, RetentionOptions settings, CancellationToken ct)
    {
        var erased = 0;
        (DateTimeOffset At, long Id)? after = null;
        while (true)
        {
            List<(DateTimeOffset At, long Id)> batch;
            await using (var db = await dbs.ReadAsync(ct))
            {
                // CompletedAt is set only on entering a final state, which is never left: no State filter here, or
                // SQLite reads the (State, Kind) index and sorts every finished request for each batch.
                var candidates = db.Requests.AsNoTracking()
                    .Where(r => r.CompletedAt < cutoff && r.PayloadsErasedAt == null)
                    // A webhook or a notification still to be sent needs its body; the next pass comes back for it.
                    .Where(r => !db.ProductDeliveries.Any(d => d.RequestId == r.Id
                                                              && (d.State == ProductDeliveryState.Pending || d.State == ProductDeliveryState.Retrying)))
                    .Where(r => !db.Notifications.Any(n => n.RequestId == r.Id
                                                          && (n.State == NotificationState.Pending || n.State == NotificationState.Retrying)));
                // A range on the index first (>=), then the tie-break: an OR alone would read the index from its start.
                if (after is var (at, id)) candidates = candidates.Where(r => r.CompletedAt >= at && (r.CompletedAt > at || r.Id > id));
                batch = (await candidates.OrderBy(r => r.CompletedAt).ThenBy(r => r.Id)
                    .Select(r => new { r.Id, r.CompletedAt }).Take(settings.BatchSize).ToListAsync(ct))
                    .Select(r => (r.CompletedAt!.Value, r.Id)).ToList();
            }
            if (batch.Count == 0) return erased;
            after = batch[^1];
            var took = Stopwatch.StartNew();
            erased += await payloads.EraseAsync(batch.Select(r => r.Id).ToList(), ct);
            await dbs.BetweenBatchesAsync(settings, took.Elapsed, time, ct);
        }
    }

    // Events of a type the portal does not act on have no request; their payloads age out by arrival.
    private async Task<int> EraseIgnoredEventsAsync(DateTimeOffset cutoff, RetentionOptions settings, CancellationToken ct)
    {
        var erased = 0;
        (DateTimeOffset At, string Id)? after = null;
        while (true)
        {
            List<(DateTimeOffset At, string Id)> batch;
            await using (var read = await dbs.ReadAsync(ct))
            {
                var candidates = read.Events.Where(e => e.Ignored && e.FirstReceivedAt < cutoff && e.RedactedPayload != PayloadEraser.ErasedJson);
                if (after is var (at, id))
                    candidates = candidates.Where(e => e.FirstReceivedAt >= at && (e.FirstReceivedAt > at || string.Compare(e.Id, id) > 0));
                batch = (await candidates.OrderBy(e => e.FirstReceivedAt).ThenBy(e => e.Id)
                    .Select(e => new { e.FirstReceivedAt, e.Id }).Take(settings.BatchSize).ToListAsync(ct))
                    .Select(e => (e.FirstReceivedAt, e.Id)).ToList();
            }
            if (batch.Count == 0) return erased;
            after = batch[^1];
            var ids = batch.Select(e => e.Id).ToList();
            var took = Stopwatch.StartNew();
            await using (var db = await dbs.OpenAsync(ct))
                erased += await db.Events.Where(e => ids.Contains(e.Id) && e.RedactedPayload != PayloadEraser.ErasedJson)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.RedactedPayload, PayloadEraser.ErasedJson), ct);
            await dbs.BetweenBatchesAsync(settings, took.Elapsed, time, ct);
        }
    }

    // Reconciliation's tenant.updated webhooks name users and belong to no request.
    private async Task<int> EraseDriftDeliveriesAsync(DateTimeOffset cutoff, RetentionOptions settings, CancellationToken ct)
    {
        var erased = 0;
        long after = 0;
        while (true)
        {
            List<long> ids;
            await using (var read = await dbs.ReadAsync(ct))
                ids = await read.ProductDeliveries.Where(d => d.RequestId == null && d.CreatedAt < cutoff && d.Id > after
                                                             && d.Body != PayloadEraser.ErasedJson).Where(PayloadEraser.SettledDelivery)
                    .OrderBy(d => d.Id).Select(d => d.Id).Take(settings.BatchSize).ToListAsync(ct);
            if (ids.Count == 0) return erased;
            after = ids[^1];
            var took = Stopwatch.StartNew();
            await using (var db = await dbs.OpenAsync(ct))
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                erased += await PayloadEraser.EraseDeliveriesAsync(db, ids, ct);
                await transaction.CommitAsync(ct);
            }
            await dbs.BetweenBatchesAsync(settings, took.Elapsed, time, ct);
        }
    }

    private async Task<int> EraseTenantsAsync(DateTimeOffset uninstalledBefore, RetentionOptions settings, CancellationToken ct)
    {
        var erased = 0;
        long after = 0;
        while (true)
        {
            List<long> ids;
            await using (var db = await dbs.ReadAsync(ct))
                ids = await db.Tenants.Where(t => t.Status == TenantStatus.Uninstalled && t.UninstalledAt < uninstalledBefore
                                                  // Erased before a reinstall, uninstalled again since: due again.
                                                  && (t.PersonalDataErasedAt == null || t.PersonalDataErasedAt < t.UninstalledAt) && t.Id > after)
                    .OrderBy(t => t.Id).Select(t => t.Id).Take(settings.BatchSize).ToListAsync(ct);
            if (ids.Count == 0) return erased;
            after = ids[^1];
            foreach (var id in ids)
            {
                var took = Stopwatch.StartNew();
                if (await tenants.EraseExpiredAsync(id, uninstalledBefore, ct) == EraseOutcome.Erased) erased++;
                await dbs.BetweenBatchesAsync(settings, took.Elapsed, time, ct);
            }
        }
    }

    private async Task RecordAsync(RetentionRun run, CancellationToken ct)
    {
        await using (var db = await dbs.ReadAsync(ct))
        {
            audit.Add(db, TenantEraser.RetentionActor, "retention.purged", AuditOutcomes.Ok,
                detail: $"Payloads of {run.Requests} finished requests, {run.IgnoredEvents} ignored events and {run.Deliveries} reconciliation webhooks erased; " +
                        $"{run.Tenants} uninstalled tenants' personal data erased ({run.Took.TotalSeconds:0.0} s)");
            await db.SaveChangesAsync(ct);
        }
        // After the last write: the log's frames hold the bytes just overwritten until it is emptied.
        var truncated = await dbs.CheckpointAsync(ct);
        logger.LogInformation("Retention erased payloads of {Requests} requests, {Ignored} ignored events, {Deliveries} webhooks and {Tenants} tenants in {Seconds:0.0} s; log truncated: {Truncated}",
            run.Requests, run.IgnoredEvents, run.Deliveries, run.Tenants, run.Took.TotalSeconds, truncated);
    }
}
