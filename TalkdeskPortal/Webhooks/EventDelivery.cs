namespace TalkdeskPortal.Webhooks;

/// <summary>One arrival of an event: Talkdesk retries after 5 and 10 minutes with the same id.</summary>
public sealed class EventDelivery
{
    public long Id { get; set; }
    public required string EventId { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public string? RemoteAddress { get; set; }
}
