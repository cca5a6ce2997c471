namespace TalkdeskPortal.Talkdesk;

/// <summary>Retry and timeout budget for every call to Talkdesk (<c>Talkdesk:Http</c>).</summary>
public sealed class TalkdeskHttpOptions
{
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(90);
    public int MaxRetryAttempts { get; set; } = 5;
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);
    // A Retry-After longer than this is capped, so one call never parks a worker for hours.
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);
}
