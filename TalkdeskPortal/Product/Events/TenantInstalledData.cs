using System.Text.Json.Serialization;

namespace TalkdeskPortal.Product.Events;

/// <summary>
/// The data of <c>tenant.provisioned</c> (a first install) and <c>tenant.reinstalled</c> (an account that had the
/// app before; then <see cref="Settings"/> carries what was kept).
/// </summary>
public sealed record TenantInstalledData(
    [property: JsonPropertyName("tenant_id")] string TenantId,
    [property: JsonPropertyName("talkdesk_account_id")] string TalkdeskAccountId,
    [property: JsonPropertyName("account_name")] string AccountName,
    [property: JsonPropertyName("company_name")] string? CompanyName,
    [property: JsonPropertyName("timezone")] string? Timezone,
    [property: JsonPropertyName("region")] string? Region,
    [property: JsonPropertyName("api_root")] string ApiRoot,
    [property: JsonPropertyName("installation_id")] string InstallationId,
    [property: JsonPropertyName("app_id")] string AppId,
    [property: JsonPropertyName("plan")] ProductPlan? Plan,
    [property: JsonPropertyName("admin_user")] ProductUser? AdminUser,
    [property: JsonPropertyName("users")] IReadOnlyList<ProductUser> Users,
    [property: JsonPropertyName("install_count")] int InstallCount,
    [property: JsonPropertyName("settings"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyDictionary<string, string>? Settings = null);
