using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Talkdesk;

namespace TalkdeskPortal.Components.Pages.Requests;

/// <summary>
/// What the decision buttons say under four eyes, for the person looking: the first decider cannot give the second
/// (the button is disabled and says why), anyone else completes it.
/// </summary>
public sealed record FourEyesView(string? ApproveSuffix, string? ApproveBlocked, string? RejectSuffix, string? RejectBlocked)
{
    public static readonly FourEyesView Off = new(null, null, null, null);

    public static FourEyesView For(LifecycleRequest r, bool requireTwo, string? viewer)
    {
        if (!requireTwo || r.State is not (RequestState.AwaitingApproval or RequestState.AwaitingProduct)) return Off;
        var mine = FourEyes.SamePerson(r.FirstDecisionBy, viewer);
        var approveCounts = FourEyes.Applies(new ApprovalOptions { RequireTwoApprovers = true }, r, InstallationDecision.Approve);
        return (r.FirstDecision, mine) switch
        {
            (InstallationDecision.Approve, true) when approveCounts => new(null,
                "You gave the first approval; a different Approver must give the second.", null, null),
            (InstallationDecision.Approve, false) when approveCounts => new(" (second)", null, null, null),
            (InstallationDecision.Reject, true) => new(null, null, null,
                "You gave the first rejection; a different Approver must give the second."),
            (InstallationDecision.Reject, false) => new(null, null, " (second)", null),
            _ => Off,
        };
    }

    // The sentence in the confirm dialog: what pressing the button does now.
    public string Consequence(InstallationDecision decision, LifecycleRequest r, bool requireTwo)
    {
        var second = decision == InstallationDecision.Approve ? ApproveSuffix is not null : RejectSuffix is not null;
        var counts = FourEyes.Applies(new ApprovalOptions { RequireTwoApprovers = requireTwo }, r, decision);
        if (!counts || second)
            return decision == InstallationDecision.Approve
                ? "Talkdesk completes the customer's request as soon as you confirm."
                : "Talkdesk is told as soon as you confirm.";
        var first = r.FirstDecision is { } other && other != decision
            ? $" It replaces the {(other == InstallationDecision.Approve ? "approval" : "rejection")} by {r.FirstDecisionBy}."
            : "";
        return $"Two approvers are required: yours is recorded first, and nothing goes to Talkdesk until a different Approver "
               + $"{(decision == InstallationDecision.Approve ? "approves" : "rejects")} too.{first}";
    }
}
