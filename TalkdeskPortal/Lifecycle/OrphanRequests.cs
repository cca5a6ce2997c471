using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Data;

namespace TalkdeskPortal.Lifecycle;

/// <summary>
/// An update, uninstall, trial or rotation whose installation has no stored credentials: its install has not been
/// processed yet (events arrive out of order), or never will be. It waits without moving (woken by the install,
/// resumed by the sweep, expired at its deadline), or is Superseded when waiting can no longer help.
/// </summary>
public sealed class OrphanRequests(RequestStateMachine machine, AuditLog audit, RequestChanges changes)
{
    public const string WaitingForInstall = "Waiting for this installation's app.installed to be processed.";

    public async Task<bool> IsOrphanAsync(PortalDbContext db, LifecycleRequest request, CancellationToken ct) =>
        request.Kind != RequestKind.Install &&
        !await db.Credentials.AnyAsync(c => c.InstallationId == request.InstallationId, ct);

    public async Task ResolveAsync(PortalDbContext db, LifecycleRequest request, CancellationToken ct)
    {
        if (await WhyMootAsync(db, request, ct) is { } why)
        {
            await machine.MoveAsync(db, request, RequestTrigger.Supersede, ct, detail: why);
            return;
        }
        if (request.WaitingReason == WaitingForInstall) return;
        request.WaitingReason = WaitingForInstall;
        audit.Add(db, AuditActors.System, "request.waiting-for-install", AuditOutcomes.Waiting, request,
            detail: $"No credentials are stored for installation {request.InstallationId} yet.");
        try
        {
            await db.SaveChangesAsync(ct);
            changes.Publish(request);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
        }
    }

    public static async Task<string?> WhyMootAsync(PortalDbContext db, LifecycleRequest request, CancellationToken ct)
    {
        if (await db.Tenants.AnyAsync(t => t.TalkdeskAccountId == request.AccountId && t.LastEventAt != null && t.LastEventAt > request.EventCreatedAt, ct))
            return "A newer event of this account was applied first and the installation's credentials are gone; nothing to do.";
        var install = await db.Requests.AsNoTracking()
            .Where(r => r.InstallationId == request.InstallationId && r.Kind == RequestKind.Install)
            .OrderByDescending(r => r.Id).Select(r => (RequestState?)r.State).FirstOrDefaultAsync(ct);
        return install is RequestState.Rejected or RequestState.Expired or RequestState.Refused or RequestState.Superseded
            ? $"This installation's install ended {install}; there is nothing to {request.Kind.ToString().ToLowerInvariant()}."
            : null;
    }
}
