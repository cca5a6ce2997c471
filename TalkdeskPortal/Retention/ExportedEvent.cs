using System.Text.Json.Nodes;
using TalkdeskPortal.Webhooks;

namespace TalkdeskPortal.Retention;

/// <summary>An event as stored: its payload (secrets were redacted before it was ever written) and each arrival.</summary>
public sealed record ExportedEvent(
    string Id,
    string Type,
    string? InstallationId,
    DateTimeOffset CreatedAt,
    DateTimeOffset FirstReceivedAt,
    DateTimeOffset LastReceivedAt,
    int DeliveryCount,
    bool Ignored,
    JsonNode? Payload,
    IReadOnlyList<EventDelivery> Deliveries)
{
    public static ExportedEvent From(ReceivedEvent e, IReadOnlyList<EventDelivery> deliveries) =>
        new(e.Id, e.Type, e.InstallationId, e.CreatedAt, e.FirstReceivedAt, e.LastReceivedAt, e.DeliveryCount, e.Ignored,
            ExportJson.Parse(e.RedactedPayload), deliveries);
}
