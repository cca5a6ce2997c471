using System.Threading.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TalkdeskPortal.Data;

namespace TalkdeskPortal.Tenants.Reconciliation;

/// <summary>
/// One pass over every active installation, oldest <see cref="Tenant.ReconciledAt"/> (or never) first: a pass cut
/// short by a restart or the time budget leaves the rest as the oldest, so the next one starts there. Talkdesk reads
/// are spaced by a token bucket; one pass at a time in this process.
/// </summary>
public sealed class LicensedUserReconciliation(
    IDbContextFactory<PortalDbContext> dbFactory,
    TenantReconciler reconciler,
    IOptionsMonitor<ReconciliationOptions> options,
    TimeProvider time,
    ILogger<LicensedUserReconciliation> logger)
{
    private readonly SemaphoreSlim _running = new(1, 1);

    public async Task<ReconciliationRun> RunAsync(CancellationToken ct)
    {
        if (!await _running.WaitAsync(0, ct)) return new ReconciliationRun(new Dictionary<long, ReconcileOutcome>(), false, AlreadyRunning: true);
        try
        {
            return await PassAsync(options.CurrentValue, ct);
        }
        finally
        {
            _running.Release();
        }
    }

    private async Task<ReconciliationRun> PassAsync(ReconciliationOptions settings, CancellationToken ct)
    {
        var started = time.GetUtcNow();
        var outcomes = new Dictionary<long, ReconcileOutcome>();
        using var pace = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = 1,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / settings.MaxPerMinute,
            QueueLimit = 1,
            AutoReplenishment = true,
        });
        while (true)
        {
            var leftAsTheyWere = outcomes.Where(o => o.Value is ReconcileOutcome.Skipped or ReconcileOutcome.Failed or ReconcileOutcome.Gone).Select(o => o.Key);
            var batch = await NextBatchAsync(started, leftAsTheyWere, settings.Batch, ct);
            if (batch.Count == 0) break;
            foreach (var tenantId in batch)
            {
                // Every pass makes progress: the budget is checked only once one tenant is done.
                if (outcomes.Count > 0 && time.GetUtcNow() - started >= settings.MaxRunTime)
                {
                    logger.LogInformation("Reconciliation stopped at its time budget after {Count} tenants; the next run goes on", outcomes.Count);
                    return new ReconciliationRun(outcomes, Stopped: true);
                }
                using var lease = await pace.AcquireAsync(1, ct);
                outcomes[tenantId] = await reconciler.ReconcileAsync(tenantId, ct);
            }
        }
        var run = new ReconciliationRun(outcomes, Stopped: false);
        logger.LogInformation("Reconciliation checked {Count} tenants: {Fixed} fixed, {Flagged} flagged, {Skipped} skipped, {Failed} failed",
            outcomes.Count, run.Count(ReconcileOutcome.DriftFixed), run.Count(ReconcileOutcome.Flagged),
            run.Count(ReconcileOutcome.Skipped), run.Count(ReconcileOutcome.Failed));
        return run;
    }

    // Tenants not yet checked in this pass. Checked ones drop out by their new ReconciledAt; skipped and failed ones
    // keep their old one, so they are left out by id.
    private async Task<List<long>> NextBatchAsync(DateTimeOffset started, IEnumerable<long> leftAsTheyWere, int size, CancellationToken ct)
    {
        var seen = leftAsTheyWere.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Tenants.AsNoTracking()
            .Where(t => t.Status == TenantStatus.Active && t.InstallationId != null)
            .Where(t => t.ReconciledAt == null || t.ReconciledAt < started)
            .Where(t => !seen.Contains(t.Id))
            .OrderBy(t => t.ReconciledAt).ThenBy(t => t.Id) // SQLite sorts NULL (never checked) first; the (Status, ReconciledAt) index serves it
            .Select(t => t.Id).Take(size)
            .ToListAsync(ct);
    }
}
