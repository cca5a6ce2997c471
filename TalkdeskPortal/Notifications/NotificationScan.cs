using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TalkdeskPortal.Data;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Notifications.Jobs;

namespace TalkdeskPortal.Notifications;

/// <summary>
/// The recurring pass: requests expiring within 24 h or retrying for over an hour (nothing announces those), plus
/// every at-once case again in case a crash fell between a move and its outbox rows; then messages nothing is sending.
/// </summary>
public sealed class NotificationScan(
    IDbContextFactory<PortalDbContext> dbFactory,
    RequestNotifier notifier,
    NotificationDispatcher dispatcher,
    IOptionsMonitor<NotificationOptions> options,
    TimeProvider time,
    ILogger<NotificationScan> logger)
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    // A refused event older than this is history, not news (e.g. on the first start with notifications on).
    private static readonly TimeSpan RefusedRecent = TimeSpan.FromDays(1);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        // Rows written while a channel was on are still sent (or failed) after it is turned off.
        if (!options.CurrentValue.AnyEnabled)
        {
            await ResumeDueAsync(recovering: false, ct);
            return 0;
        }
        var now = time.GetUtcNow();
        var soon = now + RequestNotifier.ExpiringWithin;
        var refusedSince = now - RefusedRecent;
        List<long> ids;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            ids = await db.Requests.AsNoTracking()
                .Where(r => r.State == RequestState.AwaitingApproval || r.State == RequestState.Failed || r.State == RequestState.Retrying
                            || (r.State == RequestState.Refused && r.UpdatedAt >= refusedSince)
                            || (!RequestStates.Final.Contains(r.State) && r.Deadline > now && r.Deadline <= soon))
                .OrderBy(r => r.Id).Select(r => r.Id).Take(1000)
                .ToListAsync(ct);
        var created = 0;
        foreach (var id in ids) created += await notifier.NotifyAsync(id, ct);
        var resumed = await ResumeDueAsync(recovering: false, ct);
        if (created + resumed > 0)
            logger.LogInformation("Notification scan: {Created} messages created, {Resumed} handed back to the sender", created, resumed);
        return created;
    }

    public async Task<int> ResumeDueAsync(bool recovering, CancellationToken ct)
    {
        var quietSince = time.GetUtcNow() - (recovering ? TimeSpan.Zero : Grace);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = await db.Notifications.AsNoTracking()
            .Where(m => (m.State == NotificationState.Pending && m.UpdatedAt <= quietSince)
                        || (m.State == NotificationState.Retrying && m.NextAttemptAt <= quietSince))
            .OrderBy(m => m.Id).Select(m => m.Id).Take(2000)
            .ToListAsync(ct);
        foreach (var id in due) dispatcher.Notify(id);
        return due.Count;
    }
}
