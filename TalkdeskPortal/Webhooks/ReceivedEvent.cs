namespace TalkdeskPortal.Webhooks;

/// <summary>A Talkdesk event as delivered, deduplicated on its id. The payload is stored redacted.</summary>
public sealed class ReceivedEvent
{
    public required string Id { get; set; }
    public required string Type { get; set; }
    public required string AppId { get; set; }
    public string? InstallationId { get; set; }
    public string? AccountId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset FirstReceivedAt { get; set; }
    public DateTimeOffset LastReceivedAt { get; set; }
    public int DeliveryCount { get; set; }
    public bool Ignored { get; set; }
    public required string RedactedPayload { get; set; }
    public List<EventDelivery> Deliveries { get; set; } = [];
}
