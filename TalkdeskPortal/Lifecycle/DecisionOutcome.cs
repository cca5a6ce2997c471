namespace TalkdeskPortal.Lifecycle;

public enum DecisionOutcome
{
    // Recorded; a job sends it to Talkdesk.
    Accepted,
    NotFound,
    NotAwaitingDecision,
    ReasonRequired,
    Expired,
}
