namespace TalkdeskPortal.TenantApi;

/// <summary>Names of the tenant API's authentication scheme, authorization policy and rate limit policy.</summary>
public static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";
    public const string Policy = "TenantApi";
    public const string RateLimitPolicy = "tenant-api";
    public const string KeyIdClaim = "api_key_id";

    public static string Actor(string keyName) => $"api:{keyName}";
}
