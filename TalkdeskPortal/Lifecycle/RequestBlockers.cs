using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Data;

namespace TalkdeskPortal.Lifecycle;

/// <summary>
/// Order only where it matters: an open install holds up everything else of its installation (whatever the
/// timestamps say: a trial stamped the same second as its install still needs the install), and an open
/// uninstall of an installation we hold holds up the account's later reinstall, and a decision in doubt (sent, its
/// outcome not recorded: a crash, a timeout) holds up the later events of its installation until it is read back.
/// Failed, Refused and final requests hold up nothing.
/// </summary>
public static class RequestBlockers
{
    public static Task<LifecycleRequest?> FindAsync(PortalDbContext db, LifecycleRequest request, CancellationToken ct)
    {
        var open = db.Requests.AsNoTracking()
            .Where(r => r.AccountId == request.AccountId && r.Id != request.Id && RequestStates.Blocking.Contains(r.State));
        var blockers = request.Kind == RequestKind.Install
            // Only an uninstall of another installation that we actually hold (an orphan uninstall, or one of this
            // very installation, must never hold up an install: that is how a forged event would block a customer).
            ? open.Where(r => r.Kind == RequestKind.Uninstall && r.InstallationId != request.InstallationId &&
                              db.Credentials.Any(c => c.InstallationId == r.InstallationId) &&
                              (r.EventCreatedAt < request.EventCreatedAt || (r.EventCreatedAt == request.EventCreatedAt && r.Id < request.Id)))
            : open.Where(r => r.InstallationId == request.InstallationId &&
                              (r.Kind == RequestKind.Install ||
                               (r.DecisionAttempts > 0 && (r.State == RequestState.Deciding || r.State == RequestState.Retrying) &&
                                (r.EventCreatedAt < request.EventCreatedAt || (r.EventCreatedAt == request.EventCreatedAt && r.Id < request.Id)))));
        return blockers.OrderBy(r => r.EventCreatedAt).ThenBy(r => r.Id).FirstOrDefaultAsync(ct);
    }

    public static string Describe(LifecycleRequest blocker, LifecycleRequest waiting) =>
        $"Waits for request {blocker.Id} ({TalkdeskPortal.Components.Shared.KindWords.For(blocker.Kind)}, {TalkdeskPortal.Components.Shared.StateWords.For(blocker.State)}) of the same " +
        $"{(blocker.InstallationId == waiting.InstallationId ? "installation" : "account")} to finish" +
        (blocker.Kind != RequestKind.Install && blocker.InstallationId == waiting.InstallationId ? ": its decision is being read back from Talkdesk." : ".");
}
