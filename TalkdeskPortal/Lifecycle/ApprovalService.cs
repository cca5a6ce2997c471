using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Data;
using TalkdeskPortal.Lifecycle.Jobs;
using TalkdeskPortal.Talkdesk;

namespace TalkdeskPortal.Lifecycle;

/// <summary>
/// The one place a decision is made, by the workflow (policy Auto) or by staff. It records the
/// decision; the request's job sends it to Talkdesk.
/// </summary>
public sealed class ApprovalService(
    IDbContextFactory<PortalDbContext> dbFactory,
    RequestDispatcher dispatcher,
    RequestChanges changes,
    AuditLog audit,
    TimeProvider time)
{
    public Task<DecisionOutcome> ApproveAsync(long requestId, string actor, CancellationToken ct = default) =>
        DecideAsync(requestId, InstallationDecision.Approve, actor, null, ct);

    public Task<DecisionOutcome> RejectAsync(long requestId, string actor, string reason, CancellationToken ct = default) =>
        DecideAsync(requestId, InstallationDecision.Reject, actor, reason, ct);

    public async Task<DecisionOutcome> DecideAsync(long requestId, InstallationDecision decision, string actor, string? reason, CancellationToken ct)
    {
        if (decision == InstallationDecision.Reject && string.IsNullOrWhiteSpace(reason)) return DecisionOutcome.ReasonRequired;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.Requests.FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null) return DecisionOutcome.NotFound;
        if (request.State != RequestState.AwaitingApproval) return DecisionOutcome.NotAwaitingDecision;
        if (time.GetUtcNow() >= request.Deadline)
        {
            dispatcher.Notify(requestId); // the job marks it Expired
            return DecisionOutcome.Expired;
        }

        var now = time.GetUtcNow();
        // Conditional update: of two staff deciding at once, exactly one wins.
        var won = await db.Requests
            .Where(r => r.Id == requestId && r.State == RequestState.AwaitingApproval)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.State, RequestState.Deciding)
                .SetProperty(r => r.Decision, decision)
                .SetProperty(r => r.DecisionReason, reason)
                .SetProperty(r => r.DecidedBy, actor)
                .SetProperty(r => r.DecidedAt, now)
                .SetProperty(r => r.UpdatedAt, now), ct);
        if (won == 0) return DecisionOutcome.NotAwaitingDecision;

        audit.Add(db, actor, decision == InstallationDecision.Approve ? "decision.approved" : "decision.rejected",
            AuditOutcomes.Ok, request, detail: reason);
        await db.SaveChangesAsync(ct);
        request.State = RequestState.Deciding;
        changes.Publish(request);
        dispatcher.Notify(requestId);
        return DecisionOutcome.Accepted;
    }

    /// <summary>Records the policy's automatic decision on a request the workflow holds; the caller saves.</summary>
    internal void RecordAutomatic(PortalDbContext db, LifecycleRequest request, string policyReason)
    {
        var now = time.GetUtcNow();
        request.State = RequestState.Deciding;
        request.Decision = InstallationDecision.Approve;
        request.DecidedBy = AuditActors.System;
        request.DecidedAt = now;
        request.UpdatedAt = now;
        audit.Add(db, AuditActors.System, "decision.approved", AuditOutcomes.Ok, request, detail: policyReason);
    }
}
