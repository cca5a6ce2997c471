using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Data;
using TalkdeskPortal.Lifecycle.Jobs;
using TalkdeskPortal.Talkdesk;

namespace TalkdeskPortal.Lifecycle;

/// <summary>
/// Staff decisions. It records the decision through the state machine (of two staff deciding at once, or a
/// click racing the expiry sweep, exactly one wins); the runner sends it to Talkdesk.
/// </summary>
public sealed class ApprovalService(
    IDbContextFactory<PortalDbContext> dbFactory,
    RequestStateMachine machine,
    RequestDispatcher dispatcher,
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
            dispatcher.Notify(requestId); // its worker marks it Expired
            return DecisionOutcome.Expired;
        }

        var trigger = decision == InstallationDecision.Approve ? RequestTrigger.StaffApprove : RequestTrigger.StaffReject;
        var won = await machine.MoveAsync(db, request, trigger, ct, r =>
        {
            r.Decision = decision;
            r.DecisionReason = reason;
            r.DecidedBy = actor;
            r.DecidedAt = time.GetUtcNow();
        }, detail: reason, actor: actor);
        if (!won) return DecisionOutcome.NotAwaitingDecision;
        dispatcher.Notify(requestId);
        return DecisionOutcome.Accepted;
    }
}
