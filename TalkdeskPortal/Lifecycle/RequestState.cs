namespace TalkdeskPortal.Lifecycle;

/// <summary>Where a request is. The database row is the truth; <see cref="RequestStateMachine"/> moves it.</summary>
public enum RequestState
{
    // Stored and acknowledged (202); nothing done yet.
    Received,
    // Confirming with Talkdesk, then staging what the decision will apply.
    Processing,
    AwaitingApproval,
    // A decision is recorded and may already be at Talkdesk; its outcome is unknown until read back.
    Deciding,
    Completed,
    Rejected,
    // Talkdesk's 7-day window passed; nothing more is sent.
    Expired,
    // Talkdesk did not vouch for the event (token refused, refetch differs): nothing staged, nothing sent.
    Refused,
    // A permanent error: parked until staff press Retry. Blocks nothing.
    Failed,
    // A newer event of its installation made it moot.
    Superseded,
    // A transient failure: NextAttemptAt, Attempts and Error say when and why.
    Retrying,
    // Approved (by policy or staff) and waiting for the partner's product to accept its lifecycle webhook before
    // the approve goes to Talkdesk (Product:ApproveWhen = ProductAccepted).
    AwaitingProduct,
}
