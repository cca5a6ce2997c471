using System.ComponentModel.DataAnnotations;

namespace TalkdeskPortal.Webhooks;

/// <summary>
/// <c>Webhooks:RateLimit</c>: deliveries accepted per client IP in a sliding window. Talkdesk sends a few events a
/// minute per app, retried after 5 and 10 minutes; the default is two orders of magnitude above that, so it only
/// bites a flood.
/// </summary>
public sealed class WebhookRateLimitOptions
{
    public const string Section = "Webhooks:RateLimit";

    public bool Enabled { get; set; } = true;

    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; } = 600;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    [Range(1, 600)]
    public int SegmentsPerWindow { get; set; } = 6;
}
