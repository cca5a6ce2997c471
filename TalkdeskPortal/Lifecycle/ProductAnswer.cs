namespace TalkdeskPortal.Lifecycle;

/// <summary>What the partner's product answered to the lifecycle webhook that gates a request's approve.</summary>
public enum ProductAnswer
{
    Accepted,
    Refused,
}
