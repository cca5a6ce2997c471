using System.Text.Json.Serialization;

namespace TalkdeskPortal.TenantApi;

/// <summary>One page of tenants, oldest first; <c>total</c> counts every tenant the filter matches.</summary>
public sealed record ApiTenantList(
    [property: JsonPropertyName("items")] IReadOnlyList<ApiTenant> Items,
    [property: JsonPropertyName("page")] int Page,
    [property: JsonPropertyName("page_size")] int PageSize,
    [property: JsonPropertyName("total")] int Total);
