namespace TalkdeskPortal.Lifecycle;

public enum DecisionOutcome
{
    // Recorded; a job sends it to Talkdesk.
    Accepted,
    NotFound,
    NotAwaitingDecision,
    ReasonRequired,
    Expired,
    // Four eyes: the first of two decisions is recorded; nothing is sent until a different person gives the second.
    FirstRecorded,
    // Four eyes: this person gave the first decision and cannot give the second; nothing changed.
    SameApprover,
    // Four eyes: someone else recorded a decision at the same moment; nothing of this one was kept.
    ChangedMeanwhile,
}
