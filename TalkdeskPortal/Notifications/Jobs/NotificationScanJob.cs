using Hangfire;

namespace TalkdeskPortal.Notifications.Jobs;

/// <summary>Recurring (Notifications:ScanCron): expiring and long-retrying requests, anything the at-once path missed.</summary>
public sealed class NotificationScanJob(NotificationScan scan)
{
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Scan for notifications")]
    public Task RunAsync(CancellationToken cancellationToken) => scan.RunAsync(cancellationToken);
}
