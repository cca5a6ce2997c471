using System.Text.Json.Serialization;

namespace TalkdeskPortal.TenantApi;

/// <summary>A Talkdesk user mapped to a tenant; <c>licensed</c> is false for a user who lost the app's license.</summary>
public sealed record ApiUser(
    [property: JsonPropertyName("talkdesk_user_id")] string TalkdeskUserId,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("licensed")] bool Licensed,
    [property: JsonPropertyName("is_admin")] bool IsAdmin);
