using System.Text.Json.Serialization;

namespace TalkdeskPortal.Product.Events;

/// <summary>The body of every lifecycle webhook: what happened, when (the Talkdesk event's time), and its data.</summary>
public sealed record ProductWebhook<TData>(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("timestamp")] DateTimeOffset Timestamp,
    [property: JsonPropertyName("data")] TData Data);
