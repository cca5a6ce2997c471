namespace TalkdeskPortal.Webhooks;

/// <summary>A delivery waiting for the next group commit, and the caller waiting for its outcome.</summary>
public sealed record PendingIntake(ParsedEvent Event, string? RemoteAddress, IntakeRows Rows)
{
    public TaskCompletionSource<IntakeResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
