using System.Text.Json.Serialization;

namespace TalkdeskPortal.Product.Events;

/// <summary>The data of <c>tenant.trial_changed</c>: <c>started</c>, <c>extended</c> or <c>ended</c>.</summary>
public sealed record TenantTrialChangedData(
    [property: JsonPropertyName("tenant_id")] string TenantId,
    [property: JsonPropertyName("talkdesk_account_id")] string TalkdeskAccountId,
    [property: JsonPropertyName("account_name")] string? AccountName,
    [property: JsonPropertyName("installation_id")] string InstallationId,
    [property: JsonPropertyName("trial_state")] string TrialState,
    [property: JsonPropertyName("expires_at")] DateTimeOffset? ExpiresAt);
