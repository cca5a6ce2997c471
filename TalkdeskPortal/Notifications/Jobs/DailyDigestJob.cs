using Hangfire;

namespace TalkdeskPortal.Notifications.Jobs;

/// <summary>Recurring, daily at Notifications:DigestHour in Notifications:DigestTimeZone.</summary>
public sealed class DailyDigestJob(DailyDigest digest)
{
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Daily notification digest")]
    public Task RunAsync(CancellationToken cancellationToken) => digest.RunAsync(cancellationToken);
}
