using System.ComponentModel.DataAnnotations;

namespace TalkdeskPortal.Webhooks;

/// <summary>
/// <c>Webhooks:RateLimit</c>: deliveries accepted per client IP in a sliding window. Talkdesk sends a few events a
/// minute per app, retried after 5 and 10 minutes. The default (100 a second sustained, per IP) is far above that
/// and above a partner's busiest day (a thousand installs in ten seconds still pass), so it only bites a flood;
/// behind a reverse proxy without forwarded headers every delivery shares the proxy's IP, which is why it is generous.
/// </summary>
public sealed class WebhookRateLimitOptions
{
    public const string Section = "Webhooks:RateLimit";

    public bool Enabled { get; set; } = true;

    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; } = 6000;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    [Range(1, 600)]
    public int SegmentsPerWindow { get; set; } = 6;
}
