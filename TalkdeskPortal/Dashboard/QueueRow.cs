using TalkdeskPortal.Lifecycle;

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
    DateTimeOffset? NextAttemptAt = null)
{
    public bool IsOpen => !State.IsFinal();
}
