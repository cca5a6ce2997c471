namespace TalkdeskPortal.Talkdesk;

/// <summary>
/// The short, in-call budget for one Talkdesk call (<c>Talkdesk:Http</c>): rides out a blip. Anything longer is the
/// request's durable retry schedule, which survives restarts and lasts until Talkdesk's deadline.
/// </summary>
public sealed class TalkdeskHttpOptions
{
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);
    // In-call retries of one call (GETs only, never a decision); 0 = none.
    public int MaxRetryAttempts { get; set; } = 2;
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);
    // A Retry-After longer than this is capped, so one call never parks a worker for long; the request's own
    // durable retry (Jobs:RetrySchedule) honours the full Retry-After.
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(10);
}
