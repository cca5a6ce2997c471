using System.Text.Json.Serialization;

namespace TalkdeskPortal.TenantApi;

/// <summary>A Talkdesk user and the tenant they belong to.</summary>
public sealed record ApiUserLookup(
    [property: JsonPropertyName("talkdesk_user_id")] string TalkdeskUserId,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("licensed")] bool Licensed,
    [property: JsonPropertyName("is_admin")] bool IsAdmin,
    [property: JsonPropertyName("tenant")] ApiTenantRef Tenant);
