namespace TalkdeskPortal.TenantApi;

/// <summary>
/// <c>TenantApi:RateLimit</c>: calls accepted per API key in a fixed window (default 600 a minute). Checked at start
/// (1 to 1 000 000 calls, a window of 1 second to 1 day) by <see cref="TenantApiServiceCollectionExtensions"/>.
/// </summary>
public sealed class TenantApiRateLimitOptions
{
    public int PermitLimit { get; set; } = 600;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
