using TalkdeskPortal.Data;

namespace TalkdeskPortal.Lifecycle;

/// <summary>
/// Talkdesk's deadline: the event's <c>created_at</c> + 7 days, less a margin so that a decision never races
/// Talkdesk's own timeout. Past it the request is Expired and nothing more is sent.
/// </summary>
public sealed class RequestExpiry(RequestStateMachine machine, DecisionEffects effects)
{
    public static readonly TimeSpan TalkdeskWindow = TimeSpan.FromDays(7);
    public static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);

    // A created_at in our future (clock skew, or a forged stamp) never extends the window past receipt + 7 days.
    public static DateTimeOffset DeadlineFor(DateTimeOffset createdAt, DateTimeOffset receivedAt) =>
        (createdAt < receivedAt ? createdAt : receivedAt) + TalkdeskWindow - Margin;

    /// <summary>Expired, in one commit with what follows from it: an uninstall's tenant is deprovisioned, as Talkdesk does.</summary>
    public async Task<bool> ExpireAsync(PortalDbContext db, LifecycleRequest request, CancellationToken ct)
    {
        if (request.Kind == RequestKind.Uninstall) await effects.ApplyExpiredUninstallAsync(db, request, ct);
        return await machine.MoveAsync(db, request, RequestTrigger.Expire, ct,
            detail: $"Talkdesk's 7-day window closes at {request.Deadline + Margin:u}; nothing was sent" +
                    (request.Kind == RequestKind.Install ? "; the tenant was not activated and the event's credentials are wiped" : ""));
    }
}
