using System.Text.Json.Serialization;

namespace TalkdeskPortal.TenantApi;

/// <summary>Which tenant a user belongs to, in a user lookup.</summary>
public sealed record ApiTenantRef(
    [property: JsonPropertyName("tenant_id")] string TenantId,
    [property: JsonPropertyName("talkdesk_account_id")] string TalkdeskAccountId,
    [property: JsonPropertyName("account_name")] string AccountName,
    [property: JsonPropertyName("status")] string Status);
