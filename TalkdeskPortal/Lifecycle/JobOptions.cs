using System.ComponentModel.DataAnnotations;

namespace TalkdeskPortal.Lifecycle;

/// <summary>The <c>Jobs</c> section: in-process workers, Hangfire, retries.</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    // False keeps intake running but processes nothing (a second instance, or a test of recovery).
    public bool RunServer { get; set; } = true;

    // Requests worked on at once by the in-process runner (fresh events, wake-ups, staff actions).
    [Range(1, 200)]
    public int WorkerCount { get; set; } = 20;

    // Hangfire workers: they only run scheduled retries and the recurring sweep.
    [Range(1, 50)]
    public int HangfireWorkerCount { get; set; } = 2;

    // How often Hangfire's SQLite storage looks for due work (its queue is polled; an idle portal pays this).
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    // Waits after transient failures 1, 2, 3, …; the last one repeats until Talkdesk's deadline.
    // A longer Retry-After from Talkdesk wins.
    public TimeSpan[] RetrySchedule { get; set; } = [];

    public static readonly TimeSpan[] DefaultRetrySchedule =
    [
        TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(15), TimeSpan.FromHours(1),
    ];

    // A request whose row has not moved for this long, and is not waiting on a schedule, is handed to a worker again.
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan RetryDelay(int attempt, TimeSpan? retryAfter)
    {
        var schedule = RetrySchedule is { Length: > 0 } s ? s : DefaultRetrySchedule;
        var wait = schedule[Math.Clamp(attempt - 1, 0, schedule.Length - 1)];
        return retryAfter is { } asked && asked > wait ? asked : wait;
    }
}
