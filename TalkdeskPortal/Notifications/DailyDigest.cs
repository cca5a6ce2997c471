using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TalkdeskPortal.Data;
using TalkdeskPortal.Lifecycle;

namespace TalkdeskPortal.Notifications;

/// <summary>
/// What is open, once a day at <c>DigestHour</c> in <c>DigestTimeZone</c>. Keyed by the day, so a second run (a
/// restart, Hangfire catching up a missed run) sends nothing more. Nothing open: no digest.
/// </summary>
public sealed class DailyDigest(
    IDbContextFactory<PortalDbContext> dbFactory,
    NotificationOutbox outbox,
    PortalLinks links,
    IOptionsMonitor<NotificationOptions> options,
    TimeProvider time)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        if (!options.CurrentValue.AnyEnabled) return 0;
        var now = time.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, options.CurrentValue.DigestZone());
        // A run before the hour (a missed run caught up after midnight) is the previous day's digest.
        var day = DateOnly.FromDateTime(local.Hour < options.CurrentValue.DigestHour ? local.Date.AddDays(-1) : local.Date);

        List<LifecycleRequest> open;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            open = await db.Requests.AsNoTracking()
                .Where(r => !RequestStates.Final.Contains(r.State))
                .OrderBy(r => r.Deadline).Take(200)
                .ToListAsync(ct);
        if (open.Count == 0) return 0;
        return await outbox.AddAsync($"{NotificationReason.DailyDigest}:day:{day:yyyy-MM-dd}", NotificationReason.DailyDigest, null,
            () => NotificationText.Digest(day, open, now, links.Request, links.Queue()), ct);
    }
}
