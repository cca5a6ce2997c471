using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Data;
using TalkdeskPortal.Lifecycle.Jobs;

namespace TalkdeskPortal.Lifecycle;

/// <summary>
/// Gives one request one go: under its account's lock (never waited for), honouring Talkdesk's deadline and
/// whatever truly precedes it, then the workflow; a failure becomes a scheduled retry or a Failed row.
/// Safe to call for any id at any time: the row decides whether there is anything to do.
/// </summary>
public sealed class RequestProcessor(
    IDbContextFactory<PortalDbContext> dbFactory,
    AccountLocks locks,
    RequestWorkflow workflow,
    RequestExpiry expiry,
    DecisionSender decisions,
    RequestStateMachine machine,
    RequestFailures failures,
    OrphanRequests orphans,
    RequestChanges changes,
    AuditLog audit,
    TimeProvider time,
    ILogger<RequestProcessor> logger)
{
    // A retry that arrives this early (clock skew between Hangfire and us) still counts as due.
    private static readonly TimeSpan EarlyTolerance = TimeSpan.FromSeconds(2);

    public async Task ProcessAsync(long requestId, CancellationToken ct)
    {
        string? accountId;
        await using (var lookup = await dbFactory.CreateDbContextAsync(ct))
            accountId = await lookup.Requests.Where(r => r.Id == requestId).Select(r => r.AccountId).FirstOrDefaultAsync(ct);
        if (accountId is null)
        {
            logger.LogWarning("Request {RequestId} does not exist; nothing to do", requestId);
            return;
        }

        await using var held = await locks.TryAcquireAsync(accountId, requestId, ct);
        if (held is null) return; // the holder hands this id back when it lets go

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.Requests.FirstAsync(r => r.Id == requestId, ct);
        using var scope = logger.BeginScope(new Dictionary<string, object>
        {
            ["RequestId"] = request.Id, ["EventId"] = request.EventId, ["InstallationId"] = request.InstallationId,
        });
        await StepAsync(db, request, ct);
    }

    private async Task StepAsync(PortalDbContext db, LifecycleRequest request, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (request.State.IsFinal()) return;
        if (now >= request.Deadline)
        {
            if (request.DecisionAttempts > 0 && request.State is RequestState.Deciding or RequestState.Retrying or RequestState.Failed)
                await decisions.SettleAsync(db, request, ct);
            else
                await expiry.ExpireAsync(db, request, ct);
            return;
        }
        // Staff (or the product's answer) move these on; a job or wake-up that finds them here has nothing to do.
        if (request.State is RequestState.AwaitingApproval or RequestState.AwaitingProduct or RequestState.Failed) return;
        if (request.State == RequestState.Retrying)
        {
            if (request.NextAttemptAt > now + EarlyTolerance) return; // its scheduled retry comes later
            if (!await machine.MoveAsync(db, request, RequestTrigger.Resume, ct)) return;
        }

        if (await RequestBlockers.FindAsync(db, request, ct) is { } blocker)
        {
            await NoteWaitingAsync(db, request, RequestBlockers.Describe(blocker, request), ct);
            return;
        }
        if (request.State == RequestState.Received && await orphans.IsOrphanAsync(db, request, ct))
        {
            await orphans.ResolveAsync(db, request, ct);
            return;
        }

        request.Runs++;
        try
        {
            await workflow.AdvanceAsync(db, request, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Request {RequestId} was moved on by someone else; this worker stands down", request.Id);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            await failures.HandleAsync(db, request.Id, ex, ct);
        }
    }

    // Waiting is not a transition: the state stays, only the reason shown to staff changes (audited once).
    private async Task NoteWaitingAsync(PortalDbContext db, LifecycleRequest request, string reason, CancellationToken ct)
    {
        if (request.WaitingReason == reason) return;
        request.WaitingReason = reason;
        audit.Add(db, AuditActors.System, "request.waiting", AuditOutcomes.Waiting, request, detail: reason);
        try
        {
            await db.SaveChangesAsync(ct);
            changes.Publish(request);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
        }
    }
}
