using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Data;
using TalkdeskPortal.Product;
using TalkdeskPortal.Talkdesk;
using TalkdeskPortal.Tenants;

namespace TalkdeskPortal.Lifecycle;

/// <summary>
/// The kind-specific work before a decision: fetch from Talkdesk and stage on the request what an approve will
/// make true (<see cref="DecisionEffects"/> applies it); nothing is saved here, it commits with the request's next move. Events that need no decision (trials, credential
/// rotation) apply here. Each branch converges, so a crash mid-way and a second run end the same.
/// </summary>
public sealed class ProvisioningStep(
    ITalkdeskApi api,
    ITalkdeskTokenProvider tokens,
    ConnectionFactory connections,
    CredentialProtector protector,
    TenantProvisioner tenants,
    ProductOutbox outbox,
    AuditLog audit,
    TimeProvider time)
{
    public async Task StageAsync(PortalDbContext db, LifecycleRequest request, CancellationToken ct)
    {
        switch (request.Kind)
        {
            case RequestKind.Install:
                await StageInstallAsync(db, request, ct);
                break;
            case RequestKind.Update:
                var licensed = await api.GetLicensedUsersAsync(await connections.StoredAsync(db, request, ct), ct);
                request.LicensedUsers = licensed.Count;
                request.StagedJson = JsonSerializer.Serialize(new StagedUpdate(licensed));
                break;
            case RequestKind.Uninstall:
                await connections.StoredAsync(db, request, ct); // an uninstall of an installation we never had waits for its install
                break;
            case RequestKind.CredentialsRotated:
                await RotateAsync(db, request, ct);
                break;
            default:
                if (!await db.Tenants.AnyAsync(t => t.TalkdeskAccountId == request.AccountId, ct))
                    throw new InstallationNotKnownException(request.InstallationId);
                await outbox.AddAsync(db, request, gatesApproval: false, ct);
                await tenants.RecordTrialAsync(db, request, RequestData.From(request), ct);
                break;
        }
        // The caller's next move saves the staging with it.
    }

    private async Task StageInstallAsync(PortalDbContext db, LifecycleRequest request, CancellationToken ct)
    {
        var connection = await connections.ForRequestAsync(db, request, ct);
        // Four independent reads, at once: an install's wait is one round trip here, not four.
        var accountTask = api.GetAccountAsync(connection, ct);
        var installationTask = api.GetInstallationAsync(connection, ct);
        var subscriptionTask = api.GetSubscriptionAsync(connection, ct);
        var usersTask = api.GetLicensedUsersAsync(connection, ct);
        await Task.WhenAll(accountTask, installationTask, subscriptionTask, usersTask);
        var (account, installation, subscription, users) = (accountTask.Result, installationTask.Result, subscriptionTask.Result, usersTask.Result);
        audit.Add(db, AuditActors.System, "talkdesk.fetched", AuditOutcomes.Ok, request,
            detail: $"Account {account.Name}, installation {installation.Id}, {users.Count} licensed users, plan {subscription?.Name ?? "none"}; staged until the decision");
        request.LicensedUsers = users.Count;
        request.AccountName ??= account.Name;
        request.StagedJson = JsonSerializer.Serialize(new InstallSnapshot(account, installation, subscription, users));
    }

    private async Task RotateAsync(PortalDbContext db, LifecycleRequest request, CancellationToken ct)
    {
        var stored = await db.Credentials.FirstOrDefaultAsync(c => c.InstallationId == request.InstallationId, ct)
            ?? throw new InstallationNotKnownException(request.InstallationId);
        if (request.ProtectedCredentials is { } fresh)
        {
            var next = protector.Unprotect(fresh);
            if (stored.ClientId != next.ClientId)
            {
                // A set Talkdesk issues no token for never replaces the one that works (nor when events go unconfirmed).
                await tokens.GetTokenAsync(new TalkdeskConnection(request.AppId, request.InstallationId,
                    request.AccountName ?? stored.AccountName, new Uri(request.ApiRoot), next), ct);
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
        // Acknowledging twice (a lost answer, then a retry) only repeats what Talkdesk already has.
        await api.AcknowledgeCredentialsAsync(connection, connection.Credentials.ClientId, ct);
        stored.PreviousProtected = null;
        audit.Add(db, AuditActors.System, "credentials.rotated", AuditOutcomes.Ok, request,
            detail: $"New client id {connection.Credentials.ClientId} acknowledged; the old set is dropped");
    }
}
