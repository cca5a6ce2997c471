using System.Text.Json.Serialization;

namespace TalkdeskPortal.Product.Events;

/// <summary>The data of <c>tenant.updated</c>: the plan as it is now, what changed, and who came and went.</summary>
public sealed record TenantUpdatedData(
    [property: JsonPropertyName("tenant_id")] string TenantId,
    [property: JsonPropertyName("talkdesk_account_id")] string TalkdeskAccountId,
    [property: JsonPropertyName("account_name")] string? AccountName,
    [property: JsonPropertyName("installation_id")] string InstallationId,
    [property: JsonPropertyName("plan")] ProductPlan? Plan,
    [property: JsonPropertyName("plan_changed")] bool PlanChanged,
    [property: JsonPropertyName("licenses_changed")] bool LicensesChanged,
    [property: JsonPropertyName("users_added")] IReadOnlyList<ProductUser> UsersAdded,
    [property: JsonPropertyName("users_removed")] IReadOnlyList<ProductUser> UsersRemoved);
