using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Data;
using TalkdeskPortal.Lifecycle.Jobs;
using TalkdeskPortal.Product;
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
    ProductOutbox outbox,
    PolicyStore policy,
    FourEyes fourEyes,
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
        if (request.State is not (RequestState.AwaitingApproval or RequestState.AwaitingProduct)) return DecisionOutcome.NotAwaitingDecision;
        if (time.GetUtcNow() >= request.Deadline)
        {
            dispatcher.Notify(requestId); // its worker marks it Expired
            return DecisionOutcome.Expired;
        }

        string? detail = reason;
        await policy.EnsureLoadedAsync(ct);
        if (FourEyes.Applies(policy.Current, request, decision))
        {
            switch (FourEyes.Judge(request, decision, actor))
            {
                case FourEyesStep.SamePerson:
                    return DecisionOutcome.SameApprover;
                case FourEyesStep.First:
                    return await fourEyes.RecordFirstAsync(db, request, decision, actor, reason, ct)
                        ? DecisionOutcome.FirstRecorded
                        : DecisionOutcome.ChangedMeanwhile;
                case FourEyesStep.Second:
                    detail = FourEyes.SecondDetail(request, reason);
                    break;
            }
        }

        var trigger = decision == InstallationDecision.Approve ? RequestTrigger.StaffApprove : RequestTrigger.StaffReject;
        string? waiting = null;
        // ProductAccepted: a staff approve first asks the product, unless it already answered (then staff overrule it).
        if (trigger == RequestTrigger.StaffApprove && request.State == RequestState.AwaitingApproval && request.ProductAnswer is null
            && outbox.GatesApproval(request) && await outbox.AddAsync(db, request, gatesApproval: true, ct) is { State: ProductDeliveryState.Pending } asked)
        {
            trigger = RequestTrigger.AskProduct;
            waiting = $"Waiting for the product to accept {asked.Type}.";
        }
        var won = await machine.MoveAsync(db, request, trigger, ct, r =>
        {
            r.Decision = decision;
            r.DecisionReason = reason;
            r.DecidedBy = actor;
            r.DecidedAt = time.GetUtcNow();
            r.WaitingReason = waiting;
            FourEyes.ClearFirst(r); // spent: a later decision (after the product refused) needs two people again
        }, detail: detail is null ? waiting : waiting is null ? detail : $"{detail}. {waiting}", actor: actor);
        if (!won) return DecisionOutcome.NotAwaitingDecision;
        if (trigger != RequestTrigger.AskProduct) dispatcher.Notify(requestId);
        return DecisionOutcome.Accepted;
    }
}
