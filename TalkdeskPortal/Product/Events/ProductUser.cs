using System.Text.Json.Serialization;

namespace TalkdeskPortal.Product.Events;

/// <summary>A Talkdesk user as the product sees it.</summary>
public sealed record ProductUser(
    [property: JsonPropertyName("talkdesk_user_id")] string TalkdeskUserId,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("name")] string? Name);
