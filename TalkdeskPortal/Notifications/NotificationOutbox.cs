using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Data;
using TalkdeskPortal.Notifications.Jobs;

namespace TalkdeskPortal.Notifications;

/// <summary>
/// Writes one message per target, insert-if-absent on the unique DedupeKey (<c>{scope}:{channel}:{recipient}</c>),
/// so whoever asks twice (the at-once path and the scan, a restart, a retried job) creates it once. New rows go
/// straight to the in-process sender.
/// </summary>
public sealed class NotificationOutbox(
    IDbContextFactory<PortalDbContext> dbFactory,
    NotificationRecipients recipients,
    NotificationDispatcher dispatcher,
    TimeProvider time,
    ILogger<NotificationOutbox> logger)
{
    public static string KeyFor(string scope, NotificationTarget target) =>
        $"{scope}:{target.Channel}:{target.Recipient}".ToLowerInvariant();

    /// <summary>Adds what is missing for <paramref name="scope"/> (e.g. <c>AwaitingApproval:request:42</c>); returns how many rows it created.</summary>
    public async Task<int> AddAsync(string scope, NotificationReason reason, long? requestId, Func<NotificationContent> content, CancellationToken ct)
    {
        var targets = await recipients.ForAsync(reason, ct);
        if (targets.Count == 0) return 0;
        var keys = targets.ToDictionary(t => KeyFor(scope, t));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.Notifications.AsNoTracking().Where(m => keys.Keys.Contains(m.DedupeKey)).Select(m => m.DedupeKey).ToListAsync(ct);
        var missing = keys.Where(k => !existing.Contains(k.Key)).ToList();
        if (missing.Count == 0) return 0;

        var text = content();
        var created = new List<long>();
        foreach (var (key, target) in missing)
        {
            var now = time.GetUtcNow();
            var message = new NotificationMessage
            {
                DedupeKey = key, Reason = reason, Channel = target.Channel, Recipient = target.Recipient, RequestId = requestId,
                Subject = Cut(text.Subject, 300), Body = text.Body, Link = text.Link, State = NotificationState.Pending,
                CreatedAt = now, UpdatedAt = now,
            };
            db.Notifications.Add(message);
            try
            {
                await db.SaveChangesAsync(ct);
                created.Add(message.Id);
            }
            catch (DbUpdateException)
            {
                // Another writer created it between the look-up and this insert (the unique key): theirs stands.
                // Asked of the database rather than of the provider's error code, so any provider answers the same.
                db.Entry(message).State = EntityState.Detached;
                if (!await db.Notifications.AnyAsync(m => m.DedupeKey == key, ct)) throw;
            }
        }
        foreach (var id in created) dispatcher.Notify(id);
        if (created.Count > 0) logger.LogInformation("Notification {Scope}: {Count} messages queued", scope, created.Count);
        return created.Count;
    }

    private static string Cut(string text, int length) => text.Length > length ? text[..(length - 1)] + "…" : text;
}
