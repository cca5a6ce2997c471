namespace TalkdeskPortal.Lifecycle;

/// <summary>Where a request is. The database row is the truth; jobs only move it.</summary>
public enum RequestState
{
    Received,
    Processing,
    AwaitingApproval,
    // A decision is recorded and is being sent to Talkdesk.
    Deciding,
    Completed,
    Rejected,
    // Talkdesk's 7-day window passed; nothing more is sent.
    Expired,
    // Talkdesk did not confirm the event: nothing was provisioned or sent.
    Refused,
    // A step kept failing after its retries; Retry resumes where it stopped.
    Failed,
    // Arrived after a newer event of its installation was applied and its credentials were gone: nothing to do.
    Superseded,
}
