namespace TalkdeskPortal.Lifecycle;

public static class RequestStates
{
    public static readonly RequestState[] Final =
        [RequestState.Completed, RequestState.Rejected, RequestState.Expired, RequestState.Refused, RequestState.Superseded];

    // Everything not final, as a list of values: "State IN (open)" is a few ranges of a State index, where
    // "State NOT IN (final)" reads the whole table.
    public static readonly RequestState[] Open = [.. Enum.GetValues<RequestState>().Except(Final)];

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
