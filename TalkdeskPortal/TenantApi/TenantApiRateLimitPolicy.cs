using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace TalkdeskPortal.TenantApi;

/// <summary>
/// A fixed window per API key (the key's id, set by authentication, which runs first). The policy answers its own
/// rejections, so the webhook limiter's global <c>OnRejected</c> is never asked to.
/// </summary>
public sealed class TenantApiRateLimitPolicy(IOptions<TenantApiOptions> options) : IRateLimiterPolicy<string>
{
    public RateLimitPartition<string> GetPartition(HttpContext http)
    {
        var limit = options.Value.RateLimit;
        var key = http.User.FindFirstValue(ApiKeyDefaults.KeyIdClaim) ?? "anonymous";
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    private async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var limit = options.Value.RateLimit;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) && after > TimeSpan.Zero ? after : limit.Window;
        var http = context.HttpContext;
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                detail: $"This API key may make {limit.PermitLimit} calls per {limit.Window}; retry after the seconds in Retry-After.")
            .ExecuteAsync(http);
    }
}
