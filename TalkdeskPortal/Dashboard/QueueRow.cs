using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Talkdesk;

namespace TalkdeskPortal.Dashboard;

public sealed record QueueRow(
    long Id,
    RequestKind Kind,
    RequestState State,
    string AccountId,
    string? AccountName,
    string InstallationId,
    DateTimeOffset ReceivedAt,
    DateTimeOffset Deadline,
    DateTimeOffset? CompletedAt,
    string? WaitingReason,
    string? Error,
    int Attempts = 0,
    DateTimeOffset? NextAttemptAt = null,
    // Four eyes: the first of two staff decisions, while it waits for the second.
    InstallationDecision? FirstDecision = null,
    string? FirstDecisionBy = null)
{
    public bool IsOpen => !State.IsFinal();

    public bool WaitsForSecondDecision => FirstDecision is not null && State is RequestState.AwaitingApproval or RequestState.AwaitingProduct;
}
