using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Data;
using TalkdeskPortal.Talkdesk;

namespace TalkdeskPortal.Lifecycle;

/// <summary>Builds the Talkdesk connection a request's next call should use.</summary>
public sealed class ConnectionFactory(CredentialProtector protector)
{
    /// <summary>The event's own credentials (an install before provisioning), else the installation's stored set.</summary>
    public async Task<TalkdeskConnection> ForRequestAsync(PortalDbContext db, LifecycleRequest request, CancellationToken ct)
    {
        if (request.Kind == RequestKind.Install && request.ProtectedCredentials is { } fromEvent)
            return Build(request, protector.Unprotect(fromEvent));
        return await StoredAsync(db, request, ct);
    }

    public async Task<TalkdeskConnection> StoredAsync(PortalDbContext db, LifecycleRequest request, CancellationToken ct)
    {
        var stored = await db.Credentials.AsNoTracking().FirstOrDefaultAsync(c => c.InstallationId == request.InstallationId, ct)
            ?? throw new InstallationNotKnownException(request.InstallationId);
        return new TalkdeskConnection(request.AppId, request.InstallationId, request.AccountName ?? stored.AccountName,
            new Uri(request.ApiRoot), protector.Unprotect(stored.Protected));
    }

    /// <summary>The installation's stored set, outside any request (reconciliation); null when none is stored.</summary>
    public async Task<TalkdeskConnection?> ForInstallationAsync(PortalDbContext db, string installationId, CancellationToken ct)
    {
        var stored = await db.Credentials.AsNoTracking().FirstOrDefaultAsync(c => c.InstallationId == installationId, ct);
        return stored is null
            ? null
            : new TalkdeskConnection(stored.AppId, stored.InstallationId, stored.AccountName, new Uri(stored.ApiRoot), protector.Unprotect(stored.Protected));
    }

    public static TalkdeskConnection Build(LifecycleRequest request, TalkdeskCredentials credentials) =>
        new(request.AppId, request.InstallationId, request.AccountName ?? "", new Uri(request.ApiRoot), credentials);
}
