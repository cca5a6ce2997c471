using TalkdeskPortal.Audit;
using static TalkdeskPortal.Lifecycle.RequestState;
using static TalkdeskPortal.Lifecycle.RequestTrigger;

namespace TalkdeskPortal.Lifecycle;

/// <summary>
/// A request's whole life, as one table (the README carries the same table). <see cref="RequestStateMachine"/>
/// applies a row as one conditional update: <c>UPDATE … WHERE Id = @id AND State = @from</c>.
/// </summary>
public static class RequestTransitions
{
    private static readonly RequestState[] Working = [Received, Processing, Deciding];
    private static readonly RequestState[] Open = [Received, Processing, Retrying, AwaitingApproval, AwaitingProduct, Deciding, Failed];
    private static readonly RequestState[] WithStaff = [AwaitingApproval, AwaitingProduct];

    // To = null: back to the state the request left (ResumeState).
    public static readonly IReadOnlyList<Transition> Table =
    [
        new([Received], Start, Processing, null, AuditOutcomes.Ok),
        new([Processing], Refuse, Refused, "event.refused", AuditOutcomes.Refused),
        new([Processing], Finish, Completed, "request.completed", AuditOutcomes.Ok),
        new([Processing], AutoApprove, Deciding, "decision.approved", AuditOutcomes.Ok),
        new([Processing], NeedStaff, AwaitingApproval, "request.waiting", AuditOutcomes.Waiting),
        // Product:ApproveWhen = ProductAccepted: the approve waits for the product's answer to the lifecycle webhook.
        new([Processing, AwaitingApproval], AskProduct, AwaitingProduct, "product.asked", AuditOutcomes.Waiting),
        new([AwaitingProduct], ProductAccepted, Deciding, "product.accepted", AuditOutcomes.Ok),
        new([AwaitingProduct], ProductRefused, AwaitingApproval, "product.refused", AuditOutcomes.Waiting),
        // Staff may decide while the product is still silent (approve anyway, or reject).
        new(WithStaff, StaffApprove, Deciding, "decision.approved", AuditOutcomes.Ok),
        new(WithStaff, StaffReject, Deciding, "decision.rejected", AuditOutcomes.Ok),
        new([Deciding], Approved, Completed, "request.completed", AuditOutcomes.Ok),
        new([Deciding], RequestTrigger.Rejected, RequestState.Rejected, "request.completed", AuditOutcomes.Ok),
        new([Processing], WaitForInstall, Received, "request.waiting-for-install", AuditOutcomes.Waiting),
        // Deciding: the installation was uninstalled while this decision's outcome was in doubt (nothing left to read back).
        new([Received, Processing, Deciding], Supersede, Superseded, "request.superseded", AuditOutcomes.Skipped),
        new(Working, TransientFailure, Retrying, "request.retrying", AuditOutcomes.Failed),
        new([Retrying], Resume, null, null, AuditOutcomes.Ok),
        new([.. Working, Retrying], PermanentFailure, Failed, "request.failed", AuditOutcomes.Failed),
        new([Failed], StaffRetry, null, "request.retried", AuditOutcomes.Ok),
        // At the deadline, a decision that may have landed is read back (never sent) before anything expires.
        new([Retrying, Failed], Settle, Deciding, null, AuditOutcomes.Ok),
        new(Open, Expire, Expired, "request.expired", AuditOutcomes.Skipped),
    ];

    public static Transition? Find(RequestState from, RequestTrigger trigger) =>
        Table.FirstOrDefault(t => t.On == trigger && t.From.Contains(from));
}

/// <summary>One row: from any of <paramref name="From"/>, on <paramref name="On"/>, to <paramref name="To"/>, audited as <paramref name="AuditAction"/>.</summary>
public sealed record Transition(RequestState[] From, RequestTrigger On, RequestState? To, string? AuditAction, string Outcome);
