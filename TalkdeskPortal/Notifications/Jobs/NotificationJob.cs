using Hangfire;

namespace TalkdeskPortal.Notifications.Jobs;

/// <summary>A scheduled retry of one notification (visible in the Hangfire dashboard until due). Takes only the id.</summary>
public sealed class NotificationJob(NotificationSender sender)
{
    // The message's own schedule (Attempts, NextAttemptAt) drives retries; Hangfire should not loop on top.
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Retry notification {0}")]
    public Task RunAsync(long notificationId, CancellationToken cancellationToken) => sender.SendAsync(notificationId, cancellationToken);
}
