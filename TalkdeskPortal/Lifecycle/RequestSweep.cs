using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TalkdeskPortal.Data;
using TalkdeskPortal.Lifecycle.Jobs;

namespace TalkdeskPortal.Lifecycle;

/// <summary>
/// The safety net under every wake-up: requests past their deadline become Expired (which wakes their account),
/// and open requests that nothing is working on go back to the runner. Safe to run any time, any number of times.
/// </summary>
public sealed class RequestSweep(
    IDbContextFactory<PortalDbContext> dbFactory,
    RequestExpiry expiry,
    AccountLocks locks,
    RequestDispatcher dispatcher,
    IOptions<JobOptions> options,
    TimeProvider time,
    ILogger<RequestSweep> logger)
{
    private const int Batch = 500;
    private static readonly TimeSpan LateRetryGrace = TimeSpan.FromSeconds(30);

    public async Task<(int Expired, int Dispatched)> RunAsync(bool recovering, CancellationToken ct)
    {
        var expired = await ExpireOverdueAsync(ct);
        var dispatched = await DispatchStalledAsync(recovering, ct);
        if (expired + dispatched > 0)
            logger.LogInformation("Sweep{Recovery}: {Expired} expired, {Dispatched} handed back to the runner",
                recovering ? " at start" : "", expired, dispatched);
        return (expired, dispatched);
    }

    private async Task<int> ExpireOverdueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        List<(long Id, string AccountId)> overdue;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            overdue = (await db.Requests.AsNoTracking()
                .Where(r => r.Deadline <= now && !RequestStates.Final.Contains(r.State))
                .OrderBy(r => r.Deadline).Take(Batch)
                .Select(r => new { r.Id, r.AccountId }).ToListAsync(ct))
                .Select(r => (r.Id, r.AccountId)).ToList();
        }
        var count = 0;
        foreach (var (id, accountId) in overdue)
        {
            // A worker holding the account may be sending a decision right now; it checks the deadline itself.
            await using var held = await locks.TryAcquireAsync(accountId, null, ct);
            if (held is null) continue;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var request = await db.Requests.FirstAsync(r => r.Id == id, ct);
            if (request.State.IsFinal() || request.Deadline > now) continue;
            if (request.DecisionAttempts > 0) dispatcher.Notify(id); // its worker reads Talkdesk back first
            else if (await expiry.ExpireAsync(db, request, ct)) count++;
        }
        return count;
    }

    private async Task<int> DispatchStalledAsync(bool recovering, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var quietSince = recovering ? now : now - options.Value.StaleAfter;
        var lateSince = recovering ? now : now - LateRetryGrace;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await db.Requests.AsNoTracking()
            .Where(r => (RequestStates.Runnable.Contains(r.State) && r.UpdatedAt <= quietSince)
                        || (r.State == RequestState.Retrying && r.NextAttemptAt <= lateSince))
            .OrderBy(r => r.EventCreatedAt).ThenBy(r => r.Id)
            .Select(r => r.Id).Take(Batch * 4)
            .ToListAsync(ct);
        foreach (var id in ids) dispatcher.Notify(id);
        return ids.Count;
    }
}
