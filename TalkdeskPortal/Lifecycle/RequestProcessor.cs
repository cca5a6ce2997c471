using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Data;
using TalkdeskPortal.Operations;
using TalkdeskPortal.Lifecycle.Jobs;

namespace TalkdeskPortal.Lifecycle;

/// <summary>
/// Runs a request under its account's lock, in event order, honouring Talkdesk's deadline; a step that
/// still fails after its retries parks the request as Failed with the error and where to resume.
/// </summary>
public sealed class RequestProcessor(
    IDbContextFactory<PortalDbContext> dbFactory,
    AccountLocks locks,
    RequestWorkflow workflow,
    RequestExpiry expiry,
    RequestDispatcher dispatcher,
    RequestChanges changes,
    AuditLog audit,
    TimeProvider time,
    PortalMetrics metrics,
    ILogger<RequestProcessor> logger)
{
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

        using var _ = await locks.AcquireAsync(accountId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.Requests.FirstAsync(r => r.Id == requestId, ct);
        using var scope = logger.BeginScope(new Dictionary<string, object>
        {
            ["RequestId"] = request.Id, ["EventId"] = request.EventId, ["InstallationId"] = request.InstallationId,
        });

        if (!request.State.IsFinal())
        {
            if (await EarlierUnfinishedAsync(db, request, ct) is { } earlier)
            {
                logger.LogInformation("Request {RequestId} waits for earlier request {Earlier} of the same account", request.Id, earlier);
                return;
            }
            if (time.GetUtcNow() >= request.Deadline)
            {
                expiry.Expire(db, request);
                await db.SaveChangesAsync(ct);
                changes.Publish(request);
            }
            else
            {
                await RunAsync(db, request, ct);
            }
        }
        if (request.State.IsFinal()) await WakeNextAsync(db, request, ct);
    }

    private async Task RunAsync(PortalDbContext db, LifecycleRequest request, CancellationToken ct)
    {
        if (request.State == RequestState.Failed)
        {
            request.State = request.ResumeState ?? RequestState.Received;
            request.Error = null;
            audit.Add(db, AuditActors.System, "request.retried", AuditOutcomes.Ok, request, detail: $"Resuming at {request.State}");
        }
        request.Runs++;
        try
        {
            await workflow.AdvanceAsync(db, request, ct);
        }
        catch (InstallationNotKnownException ex) when (!ct.IsCancellationRequested)
        {
            await ParkUntilInstalledAsync(db, request, ex, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            await MarkFailedAsync(db, request, ex, ct);
            throw new WorkflowException($"Request {request.Id} failed at {request.ResumeState}: {request.Error}");
        }
    }

    /// <summary>
    /// Out of order: an update or uninstall ran before its install. It waits as Received and the install's
    /// completion wakes it. If a newer event of the account was already applied, it is superseded instead.
    /// </summary>
    private async Task ParkUntilInstalledAsync(PortalDbContext db, LifecycleRequest request, InstallationNotKnownException ex, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var fresh = await db.Requests.FirstAsync(r => r.Id == request.Id, ct);
        var newer = await db.Tenants.AnyAsync(t => t.TalkdeskAccountId == fresh.AccountId && t.LastEventAt != null && t.LastEventAt > fresh.EventCreatedAt, ct);
        if (newer)
        {
            fresh.State = RequestState.Superseded;
            fresh.CompletedAt = time.GetUtcNow();
            fresh.ProtectedCredentials = null;
            audit.Add(db, AuditActors.System, "request.superseded", AuditOutcomes.Skipped, fresh,
                detail: "A newer event of this account was applied first and the installation's credentials are gone; nothing to do.");
        }
        else
        {
            fresh.State = RequestState.Received;
            fresh.WaitingReason = "Waiting for this installation's app.installed to be processed.";
            audit.Add(db, AuditActors.System, "request.waiting-for-install", AuditOutcomes.Waiting, fresh, detail: ex.Message);
        }
        fresh.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        changes.Publish(fresh);
        request.State = fresh.State;
    }

    private async Task MarkFailedAsync(PortalDbContext db, LifecycleRequest request, Exception ex, CancellationToken ct)
    {
        logger.LogWarning("Request {RequestId} failed at {State}: {Error}", request.Id, request.State, ex.Message);
        var state = request.State;
        db.ChangeTracker.Clear();
        var fresh = await db.Requests.FirstAsync(r => r.Id == request.Id, ct);
        fresh.ResumeState = state;
        fresh.State = RequestState.Failed;
        fresh.Error = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
        fresh.UpdatedAt = time.GetUtcNow();
        audit.Add(db, AuditActors.System, "request.failed", AuditOutcomes.Failed, fresh, detail: $"At {state}: {fresh.Error}");
        await db.SaveChangesAsync(ct);
        changes.Publish(fresh);
        metrics.Failed(fresh.Kind.ToString());
        request.State = fresh.State;
        request.ResumeState = state;
        request.Error = fresh.Error;
    }

    private static Task<long?> EarlierUnfinishedAsync(PortalDbContext db, LifecycleRequest request, CancellationToken ct) =>
        db.Requests
            .Where(r => r.AccountId == request.AccountId && r.Id != request.Id && !RequestStates.Final.Contains(r.State))
            .Where(r => r.EventCreatedAt < request.EventCreatedAt || (r.EventCreatedAt == request.EventCreatedAt && r.Id < request.Id))
            .OrderBy(r => r.EventCreatedAt).ThenBy(r => r.Id)
            .Select(r => (long?)r.Id)
            .FirstOrDefaultAsync(ct);

    private async Task WakeNextAsync(PortalDbContext db, LifecycleRequest request, CancellationToken ct)
    {
        var next = await db.Requests
            .Where(r => r.AccountId == request.AccountId && RequestStates.Runnable.Contains(r.State))
            .OrderBy(r => r.EventCreatedAt).ThenBy(r => r.Id)
            .Select(r => (long?)r.Id)
            .FirstOrDefaultAsync(ct);
        if (next is { } id) dispatcher.Notify(id);
    }
}
