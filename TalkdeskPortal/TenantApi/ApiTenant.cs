using System.Text.Json.Serialization;
using TalkdeskPortal.Product.Events;

namespace TalkdeskPortal.TenantApi;

/// <summary>A tenant as the product sees it; <c>settings</c> only when one tenant is asked for.</summary>
public sealed record ApiTenant(
    [property: JsonPropertyName("tenant_id")] string TenantId,
    [property: JsonPropertyName("talkdesk_account_id")] string TalkdeskAccountId,
    [property: JsonPropertyName("account_name")] string AccountName,
    [property: JsonPropertyName("company_name")] string? CompanyName,
    [property: JsonPropertyName("timezone")] string? Timezone,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("installation_id")] string? InstallationId,
    [property: JsonPropertyName("app_id")] string? AppId,
    [property: JsonPropertyName("plan")] ProductPlan Plan,
    [property: JsonPropertyName("admin_user")] ProductUser? AdminUser,
    [property: JsonPropertyName("licensed_users")] int LicensedUsers,
    [property: JsonPropertyName("installed_at")] DateTimeOffset? InstalledAt,
    [property: JsonPropertyName("uninstalled_at")] DateTimeOffset? UninstalledAt,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("updated_at")] DateTimeOffset UpdatedAt,
    [property: JsonPropertyName("settings"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyDictionary<string, string>? Settings = null);
