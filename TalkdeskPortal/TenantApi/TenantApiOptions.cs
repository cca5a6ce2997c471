namespace TalkdeskPortal.TenantApi;

/// <summary>The <c>TenantApi</c> section: limits of the API the partner's product calls.</summary>
public sealed class TenantApiOptions
{
    public const string Section = "TenantApi";

    public TenantApiRateLimitOptions RateLimit { get; set; } = new();
}
