namespace TalkdeskPortal.Lifecycle;

public static class RequestStates
{
    public static readonly RequestState[] Final =
        [RequestState.Completed, RequestState.Rejected, RequestState.Expired, RequestState.Refused, RequestState.Superseded];

    // Open and able to hold up a later request of its account. Failed blocks nothing, by design.
    public static readonly RequestState[] Blocking =
        [
            RequestState.Received, RequestState.Processing, RequestState.Retrying, RequestState.AwaitingApproval,
            RequestState.AwaitingProduct, RequestState.Deciding,
        ];

    // States a worker should pick up again when nothing else will (wake-ups, the sweep, a restart).
    public static readonly RequestState[] Runnable =
        [RequestState.Received, RequestState.Processing, RequestState.Deciding];

    public static bool IsFinal(this RequestState state) => Array.IndexOf(Final, state) >= 0;

    public static bool NeedsDecision(this RequestKind kind) =>
        kind is RequestKind.Install or RequestKind.Update or RequestKind.Uninstall;
}
