using Hangfire;

namespace TalkdeskPortal.Retention;

/// <summary>Recurring (<c>Retention:Cron</c>, hourly): erases what is past its retention window.</summary>
public sealed class RetentionJob(RetentionPurge purge)
{
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Erase personal data past its retention window")]
    public Task RunAsync(CancellationToken cancellationToken) => purge.RunAsync(cancellationToken);
}
