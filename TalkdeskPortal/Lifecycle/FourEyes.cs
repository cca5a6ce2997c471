using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Data;
using TalkdeskPortal.Talkdesk;

namespace TalkdeskPortal.Lifecycle;

/// <summary>
/// Four eyes (<c>Approval:RequireTwoApprovers</c>): a staff approve of a request waiting for staff, and every staff
/// reject, needs two different people. The first is recorded on the request without moving it; only the second goes
/// through the state machine and so reaches Talkdesk. The opposite decision replaces the first and waits again.
/// </summary>
public sealed class FourEyes(AuditLog audit, RequestChanges changes, TimeProvider time)
{
    public const string FirstApproval = "decision.first-approval";
    public const string FirstRejection = "decision.first-rejection";

    // An approve while the product is silent (AwaitingProduct) was already decided by policy or by two people: staff
    // only stop waiting for the product. An approve after the product refused is a new decision, so it counts.
    public static bool Applies(ApprovalOptions policy, LifecycleRequest request, InstallationDecision decision) =>
        policy.RequireTwoApprovers && (decision == InstallationDecision.Reject || request.State == RequestState.AwaitingApproval);

    public static FourEyesStep Judge(LifecycleRequest request, InstallationDecision decision, string actor)
    {
        if (request.FirstDecision != decision || request.FirstDecisionBy is null) return FourEyesStep.First;
        return SamePerson(request.FirstDecisionBy, actor) ? FourEyesStep.SamePerson : FourEyesStep.Second;
    }

    public static bool SamePerson(string? a, string? b) => a is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Records the first decision as <c>UPDATE … WHERE State = @seen AND FirstDecision = @seen AND FirstDecisionBy = @seen</c>:
    /// of two people deciding first at once, one is recorded and the other learns it lost (nothing of theirs is kept).
    /// </summary>
    public async Task<bool> RecordFirstAsync(PortalDbContext db, LifecycleRequest request, InstallationDecision decision, string actor,
        string? reason, CancellationToken ct)
    {
        var (state, seen, seenBy, seenReason) = (request.State, request.FirstDecision, request.FirstDecisionBy, request.FirstDecisionReason);
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var updated = await db.Requests
            .Where(r => r.Id == request.Id && r.State == state && r.FirstDecision == seen && r.FirstDecisionBy == seenBy)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.FirstDecision, decision)
                .SetProperty(r => r.FirstDecisionBy, actor)
                .SetProperty(r => r.FirstDecisionAt, now)
                .SetProperty(r => r.FirstDecisionReason, reason)
                .SetProperty(r => r.UpdatedAt, now), ct);
        if (updated != 1) return false; // the transaction rolls back on dispose

        var approve = decision == InstallationDecision.Approve;
        var detail = approve ? $"approved by {actor}" : $"rejected by {actor}: {reason}";
        if (seen is { } replaced && seenBy is not null)
            detail += $"; replaces the {(replaced == InstallationDecision.Approve ? "approval" : "rejection")} by {seenBy}"
                      + (seenReason is null ? "" : $" ({seenReason})");
        audit.Add(db, actor, approve ? FirstApproval : FirstRejection, AuditOutcomes.Waiting, request,
            detail: detail + ", waiting for a second approver");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        (request.FirstDecision, request.FirstDecisionBy, request.FirstDecisionAt, request.FirstDecisionReason, request.UpdatedAt) =
            (decision, actor, now, reason, now);
        changes.Publish(request);
        return true;
    }

    // Written into the second decision's audit entry, so the timeline shows who made both.
    public static string SecondDetail(LifecycleRequest request, string? reason) =>
        $"second {(request.FirstDecision == InstallationDecision.Approve ? "approver" : "rejecter")}; first: {request.FirstDecisionBy}"
        + (request.FirstDecisionReason is null ? "" : $" ({request.FirstDecisionReason})")
        + (reason is null ? "" : $". {reason}");

    public static void ClearFirst(LifecycleRequest r) =>
        (r.FirstDecision, r.FirstDecisionBy, r.FirstDecisionAt, r.FirstDecisionReason) = (null, null, null, null);
}
