using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Data;
using TalkdeskPortal.Talkdesk;
using TalkdeskPortal.Tenants;

namespace TalkdeskPortal.Lifecycle;

/// <summary>
/// The kind-specific work of a request: fetch from Talkdesk, then apply to the partner account.
/// Each branch converges, so a crash mid-way and a second run end the same.
/// </summary>
public sealed class ProvisioningStep(
    ITalkdeskApi api,
    ITalkdeskTokenProvider tokens,
    ConnectionFactory connections,
    CredentialProtector protector,
    TenantProvisioner tenants,
    AuditLog audit,
    TimeProvider time)
{
    public async Task ApplyAsync(PortalDbContext db, LifecycleRequest request, CancellationToken ct)
    {
        var data = Data(request);
        switch (request.Kind)
        {
            case RequestKind.Install:
                await InstallAsync(db, request, ct);
                break;
            case RequestKind.Update:
                var licensed = await api.GetLicensedUsersAsync(await connections.StoredAsync(db, request, ct), ct);
                request.LicensedUsers = licensed.Count;
                await tenants.ApplyUpdateAsync(db, request, data, licensed, ct);
                break;
            case RequestKind.Uninstall:
                await tenants.MarkUninstalledAsync(db, request, data, ct);
                break;
            case RequestKind.CredentialsRotated:
                await RotateAsync(db, request, ct);
                break;
            default:
                await tenants.RecordTrialAsync(db, request, data, ct);
                break;
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task InstallAsync(PortalDbContext db, LifecycleRequest request, CancellationToken ct)
    {
        var connection = await connections.ForRequestAsync(db, request, ct);
        var account = await api.GetAccountAsync(connection, ct);
        var installation = await api.GetInstallationAsync(connection, ct);
        var subscription = await api.GetSubscriptionAsync(connection, ct);
        var users = await api.GetLicensedUsersAsync(connection, ct);
        audit.Add(db, AuditActors.System, "talkdesk.fetched", AuditOutcomes.Ok, request,
            detail: $"Account {account.Name}, installation {installation.Id}, {users.Count} licensed users, plan {subscription?.Name ?? "none"}");
        request.LicensedUsers = users.Count;
        request.AccountName ??= account.Name;

        var tenant = await tenants.ApplyInstallAsync(db, request, new InstallSnapshot(account, installation, subscription, users), ct);
        await StoreCredentialsAsync(db, request, connection.Credentials, ct);
        // The installation row holds the set from now on; the request keeps no copy.
        request.ProtectedCredentials = null;
        _ = tenant;
    }

    private async Task RotateAsync(PortalDbContext db, LifecycleRequest request, CancellationToken ct)
    {
        var stored = await db.Credentials.FirstOrDefaultAsync(c => c.InstallationId == request.InstallationId, ct)
            ?? throw new WorkflowException($"No credentials are stored for installation {request.InstallationId} to rotate.");
        if (request.ProtectedCredentials is { } fresh)
        {
            var next = protector.Unprotect(fresh);
            if (stored.ClientId != next.ClientId)
            {
                stored.PreviousProtected = stored.Protected;
                stored.Protected = fresh;
                stored.ClientId = next.ClientId;
                stored.UpdatedAt = time.GetUtcNow();
            }
            request.ProtectedCredentials = null;
            await db.SaveChangesAsync(ct);
        }
        tokens.Forget(request.InstallationId);
        var connection = await connections.StoredAsync(db, request, ct);
        await api.AcknowledgeCredentialsAsync(connection, connection.Credentials.ClientId, ct);
        stored.PreviousProtected = null;
        audit.Add(db, AuditActors.System, "credentials.rotated", AuditOutcomes.Ok, request,
            detail: $"New client id {connection.Credentials.ClientId} acknowledged; the old set is dropped");
    }

    private async Task StoreCredentialsAsync(PortalDbContext db, LifecycleRequest request, TalkdeskCredentials credentials, CancellationToken ct)
    {
        var row = await db.Credentials.FirstOrDefaultAsync(c => c.InstallationId == request.InstallationId, ct);
        if (row is null)
        {
            row = new InstallationCredential
            {
                InstallationId = request.InstallationId, AppId = request.AppId, AccountId = request.AccountId,
                AccountName = request.AccountName ?? "", ApiRoot = request.ApiRoot, ClientId = credentials.ClientId,
                Protected = protector.Protect(credentials),
            };
            db.Credentials.Add(row);
        }
        else if (request.ProtectedCredentials is not null)
        {
            row.Protected = protector.Protect(credentials);
            row.ClientId = credentials.ClientId;
        }
        row.UpdatedAt = time.GetUtcNow();
    }

    private static RequestData Data(LifecycleRequest request) =>
        request.DataJson is null ? new RequestData() : JsonSerializer.Deserialize<RequestData>(request.DataJson) ?? new RequestData();
}
