namespace TalkdeskPortal.Lifecycle;

/// <summary>What a staff decision is under four eyes, given the first decision already recorded.</summary>
public enum FourEyesStep
{
    // Nothing recorded yet, or the opposite decision (which this one replaces): recorded, and waits.
    First,
    // The person who gave the first decision: refused, nothing changes.
    SamePerson,
    // A different person, the same decision: goes through the state machine and is sent.
    Second,
}
