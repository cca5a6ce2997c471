using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using TalkdeskPortal.Operations;

namespace TalkdeskPortal.Webhooks;

/// <summary>
/// Per client IP limit on the callback, checked before the body is read: a refused delivery costs no parse, no row
/// and no outbound call. Talkdesk retries a 429 like any failure, so a real event refused here still arrives.
/// </summary>
public static class WebhookRateLimiting
{
    public const string Policy = "talkdesk-webhook";

    public static IServiceCollection AddWebhookRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<WebhookRateLimitOptions>()
            .BindConfiguration(WebhookRateLimitOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, Partition);
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<WebhookRateLimitOptions>>().Value;
        if (!options.Enabled) return RateLimitPartition.GetNoLimiter("off");
        var ip = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetSlidingWindowLimiter(ip, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = options.PermitLimit,
            Window = options.Window,
            SegmentsPerWindow = options.SegmentsPerWindow,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var options = http.RequestServices.GetRequiredService<IOptions<WebhookRateLimitOptions>>().Value;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) && after > TimeSpan.Zero
            ? after
            : options.Window / options.SegmentsPerWindow;
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        http.RequestServices.GetRequiredService<PortalMetrics>().Refused(StatusCodes.Status429TooManyRequests);
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebhookRateLimiting))
            .LogWarning("Refused a delivery from {ClientIp}: over {PermitLimit} per {Window}", http.Connection.RemoteIpAddress, options.PermitLimit, options.Window);
        await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many deliveries",
            detail: "This address sent more events than the portal accepts in the window; retry after the time in Retry-After.")
            .ExecuteAsync(http);
    }
}
