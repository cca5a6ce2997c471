namespace TalkdeskPortal.Notifications;

/// <summary>The <c>Notifications</c> section: channels, the digest hour, the retry schedule. Every channel is off until configured.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    public SmtpOptions Smtp { get; set; } = new();

    // Secrets: whoever holds the URL can post to the channel. Never logged, shown back masked.
    public string? SlackWebhookUrl { get; set; }
    public string? TeamsWebhookUrl { get; set; }

    public WebhookChannelOptions Slack { get; set; } = new();
    public WebhookChannelOptions Teams { get; set; } = new();

    // The daily digest goes out at this hour (0-23) in DigestTimeZone (an IANA or Windows id; empty: UTC).
    public int DigestHour { get; set; } = 8;
    public string? DigestTimeZone { get; set; }

    // How often the safety-net scan runs (Hangfire cron): expiring and long-retrying requests, and anything missed.
    public string ScanCron { get; set; } = "* * * * *";

    // Waits after failed attempts 1, 2, 3, …; the last one repeats until GiveUpAfter, then the message is Failed.
    public TimeSpan[] RetrySchedule { get; set; } = [];

    public static readonly TimeSpan[] DefaultRetrySchedule =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30),
    ];

    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(2);

    // How long one attempt (SMTP conversation or webhook POST) may take.
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    public bool SlackEnabled => !string.IsNullOrWhiteSpace(SlackWebhookUrl);
    public bool TeamsEnabled => !string.IsNullOrWhiteSpace(TeamsWebhookUrl);
    public bool AnyEnabled => Smtp.Enabled || SlackEnabled || TeamsEnabled;

    public TimeSpan RetryDelay(int attempt)
    {
        var schedule = RetrySchedule is { Length: > 0 } s ? s : DefaultRetrySchedule;
        return schedule[Math.Clamp(attempt - 1, 0, schedule.Length - 1)];
    }

    public TimeZoneInfo DigestZone() =>
        string.IsNullOrWhiteSpace(DigestTimeZone) ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(DigestTimeZone);
}
