using System.Text.Json.Serialization;

namespace TalkdeskPortal.TenantApi;

public sealed record ApiUserList([property: JsonPropertyName("items")] IReadOnlyList<ApiUser> Items);
