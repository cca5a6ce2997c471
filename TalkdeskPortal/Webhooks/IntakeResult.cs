namespace TalkdeskPortal.Webhooks;

public enum IntakeStatus
{
    Accepted,
    Duplicate,
    Ignored,
}

public sealed record IntakeResult(IntakeStatus Status, long? RequestId);
