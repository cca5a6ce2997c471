using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TalkdeskPortal.Data;
using TalkdeskPortal.Lifecycle;

namespace TalkdeskPortal.Notifications;

/// <summary>
/// Reads a request as it stands and queues what it calls for. Called at once on a change and again by the scan;
/// the outbox's dedupe key makes the second call a no-op, so a crash between the move and this call loses nothing.
/// </summary>
public sealed class RequestNotifier(
    IDbContextFactory<PortalDbContext> dbFactory,
    NotificationOutbox outbox,
    PortalLinks links,
    IOptionsMonitor<NotificationOptions> options,
    TimeProvider time)
{
    public static readonly TimeSpan RetryingTooLong = TimeSpan.FromHours(1);
    public static readonly TimeSpan ExpiringWithin = TimeSpan.FromHours(24);

    public async Task<int> NotifyAsync(long requestId, CancellationToken ct)
    {
        if (!options.CurrentValue.AnyEnabled) return 0; // no channel: not even a look at the request
        var now = time.GetUtcNow();
        LifecycleRequest? request;
        DateTimeOffset? retryingSince = null;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            request = await db.Requests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, ct);
            if (request is null) return 0;
            if (request.State == RequestState.Retrying) retryingSince = await RetryingSinceAsync(db, request, ct);
        }

        var created = 0;
        foreach (var reason in Reasons(request, retryingSince, now))
            created += await outbox.AddAsync($"{reason}:request:{request.Id}", reason, request.Id,
                () => NotificationText.ForRequest(request, reason, now, links.Request(request.Id)), ct);
        return created;
    }

    public static IEnumerable<NotificationReason> Reasons(LifecycleRequest request, DateTimeOffset? retryingSince, DateTimeOffset now)
    {
        if (request.State == RequestState.AwaitingApproval) yield return NotificationReason.AwaitingApproval;
        if (request.State == RequestState.Failed || (request.State == RequestState.Retrying && retryingSince <= now - RetryingTooLong))
            yield return NotificationReason.NeedsAttention;
        if (request.State == RequestState.Refused) yield return NotificationReason.EventRefused;
        if (!request.State.IsFinal() && request.Deadline > now && request.Deadline - now <= ExpiringWithin)
            yield return NotificationReason.ExpiringSoon;
    }

    // A Retrying request goes back to work and fails again on each attempt; it has been retrying since the first
    // "request.retrying" after its last other step (Attempts counts the same run, but not when it began).
    private static async Task<DateTimeOffset> RetryingSinceAsync(PortalDbContext db, LifecycleRequest request, CancellationToken ct)
    {
        var lastOther = await db.Audit.AsNoTracking()
            .Where(a => a.RequestId == request.Id && a.Action != "request.retrying")
            .OrderByDescending(a => a.Id).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct) ?? 0;
        var first = await db.Audit.AsNoTracking()
            .Where(a => a.RequestId == request.Id && a.Action == "request.retrying" && a.Id > lastOther)
            .OrderBy(a => a.Id).Select(a => (DateTimeOffset?)a.At).FirstOrDefaultAsync(ct);
        return first ?? request.UpdatedAt;
    }
}
