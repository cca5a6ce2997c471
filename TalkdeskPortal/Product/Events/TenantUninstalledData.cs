using System.Text.Json.Serialization;

namespace TalkdeskPortal.Product.Events;

/// <summary>The data of <c>tenant.uninstalled</c>. The portal keeps the mappings and settings for a reinstall.</summary>
public sealed record TenantUninstalledData(
    [property: JsonPropertyName("tenant_id")] string TenantId,
    [property: JsonPropertyName("talkdesk_account_id")] string TalkdeskAccountId,
    [property: JsonPropertyName("account_name")] string? AccountName,
    [property: JsonPropertyName("installation_id")] string InstallationId,
    [property: JsonPropertyName("reason_type")] string? ReasonType,
    [property: JsonPropertyName("reason_message")] string? ReasonMessage);
