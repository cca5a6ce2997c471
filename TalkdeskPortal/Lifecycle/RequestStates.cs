namespace TalkdeskPortal.Lifecycle;

public static class RequestStates
{
    public static readonly RequestState[] Final =
        [RequestState.Completed, RequestState.Rejected, RequestState.Expired, RequestState.Refused, RequestState.Superseded];

    // States a job should pick up again after a restart.
    public static readonly RequestState[] Runnable =
        [RequestState.Received, RequestState.Processing, RequestState.Deciding];

    public static bool IsFinal(this RequestState state) => Array.IndexOf(Final, state) >= 0;

    public static bool NeedsDecision(this RequestKind kind) =>
        kind is RequestKind.Install or RequestKind.Update or RequestKind.Uninstall;
}
