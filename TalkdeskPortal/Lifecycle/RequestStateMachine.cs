using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Data;
using TalkdeskPortal.Lifecycle.Jobs;
using TalkdeskPortal.Operations;
using TalkdeskPortal.Product;
using TalkdeskPortal.Product.Jobs;

namespace TalkdeskPortal.Lifecycle;

/// <summary>
/// The one owner of a request's state. A move is checked against <see cref="RequestTransitions.Table"/> and saved
/// together with whatever the caller staged on the same context (tenant, credentials, audit) in one transaction.
/// <c>State</c> is the row's concurrency token, so the save is <c>UPDATE … WHERE Id = @id AND State = @from</c>:
/// of two workers, two instances, or a click racing a job, exactly one wins and the other gets <c>false</c>.
/// </summary>
public sealed class RequestStateMachine(
    AuditLog audit,
    RequestChanges changes,
    RequestDispatcher dispatcher,
    ProductDeliveryDispatcher deliveries,
    TimeProvider time,
    PortalMetrics metrics,
    ILogger<RequestStateMachine> logger)
{
    // Moves past the step that was failing: the retry schedule starts again from its first wait.
    private static readonly RequestTrigger[] Progress =
    [
        RequestTrigger.Finish, RequestTrigger.AutoApprove, RequestTrigger.NeedStaff, RequestTrigger.StaffApprove,
        RequestTrigger.StaffReject, RequestTrigger.Approved, RequestTrigger.Rejected, RequestTrigger.AskProduct,
        RequestTrigger.ProductAccepted, RequestTrigger.ProductRefused,
    ];

    public async Task<bool> MoveAsync(PortalDbContext db, LifecycleRequest request, RequestTrigger trigger, CancellationToken ct,
        Action<LifecycleRequest>? change = null, string? detail = null, string actor = AuditActors.System)
    {
        var from = request.State;
        var row = RequestTransitions.Find(from, trigger)
            ?? throw new InvalidOperationException($"Request {request.Id} cannot take {trigger} from {from}.");
        var to = row.To ?? request.ResumeState ?? RequestState.Received;
        var now = time.GetUtcNow();

        request.State = to;
        request.UpdatedAt = now;
        if (to is RequestState.Retrying or RequestState.Failed) request.ResumeState = from;
        if (to != RequestState.Retrying) request.NextAttemptAt = null;
        if (to is not (RequestState.Received or RequestState.Retrying)) request.WaitingReason = null;
        if (to.IsFinal())
        {
            request.CompletedAt = now;
            request.ProtectedCredentials = null; // a finished request keeps no secret
            request.StagedJson = null;
        }
        if (Progress.Contains(trigger)) request.Attempts = 0;
        change?.Invoke(request);
        if (row.AuditAction is { } action) audit.Add(db, actor, action, row.Outcome, request, detail: detail);
        // Webhooks the caller wrote with this move (the outbox): they leave once it has committed, never before.
        var outbox = db.ChangeTracker.Entries<ProductDelivery>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Request {RequestId} moved on before {Trigger} from {From} could apply; this worker stands down",
                request.Id, trigger, from);
            db.ChangeTracker.Clear();
            return false;
        }

        changes.Publish(request);
        foreach (var delivery in outbox) deliveries.Notify(delivery.Id);
        if (to == RequestState.Failed) metrics.Failed(request.Kind.ToString());
        if (to.IsFinal() || to == RequestState.Failed) await WakeAccountAsync(db, request.AccountId, request.Id, ct);
        return true;
    }

    /// <summary>
    /// Hands every waiting request of the account back to the workers; each checks for itself whether something
    /// still precedes it. Called after every move into a final or Failed state.
    /// </summary>
    public async Task WakeAccountAsync(PortalDbContext db, string accountId, long exceptId, CancellationToken ct)
    {
        var ids = await db.Requests.AsNoTracking()
            .Where(r => r.AccountId == accountId && r.Id != exceptId && RequestStates.Runnable.Contains(r.State))
            .OrderBy(r => r.EventCreatedAt).ThenBy(r => r.Id)
            .Select(r => r.Id).Take(100)
            .ToListAsync(ct);
        foreach (var id in ids) dispatcher.Notify(id);
    }
}
