using System.Net;
using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Data;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Lifecycle.Jobs;
using TalkdeskPortal.Product;
using TalkdeskPortal.Product.Jobs;
using TalkdeskPortal.Talkdesk;

namespace TalkdeskPortal.Tenants.Reconciliation;

/// <summary>
/// Reads one tenant's licensed users back from Talkdesk and makes the mappings match (the installing admin stays).
/// Under the account's lock and only while none of its lifecycle requests is open, so it never races a request that
/// is about to apply users of its own. Safe to run twice: a second run finds nothing to fix.
/// </summary>
public sealed class TenantReconciler(
    IDbContextFactory<PortalDbContext> dbFactory,
    AccountLocks locks,
    ConnectionFactory connections,
    ITalkdeskApi api,
    ProductOutbox outbox,
    ProductDeliveryDispatcher deliveries,
    AuditLog audit,
    TimeProvider time,
    ILogger<TenantReconciler> logger)
{
    public async Task<ReconcileOutcome> ReconcileAsync(long tenantId, CancellationToken ct)
    {
        string? accountId;
        await using (var lookup = await dbFactory.CreateDbContextAsync(ct))
            accountId = await lookup.Tenants.Where(t => t.Id == tenantId).Select(t => t.TalkdeskAccountId).FirstOrDefaultAsync(ct);
        if (accountId is null) return ReconcileOutcome.Gone;

        await using var held = await locks.TryAcquireAsync(accountId, requestId: null, ct);
        if (held is null) return ReconcileOutcome.Skipped; // a request of the account is being worked on right now

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tenant = await db.Tenants.Include(t => t.Users).FirstAsync(t => t.Id == tenantId, ct);
        if (tenant is not { Status: TenantStatus.Active, InstallationId: { } installationId }) return ReconcileOutcome.Gone;
        if (await HasOpenRequestAsync(db, accountId, ct)) return ReconcileOutcome.Skipped;

        IReadOnlyList<TalkdeskUser> licensed;
        try
        {
            var connection = await connections.ForInstallationAsync(db, installationId, ct);
            if (connection is null) return await FlagAsync(db, tenant, "No credentials are stored for this installation.", ct);
            licensed = await api.GetLicensedUsersAsync(connection, ct);
        }
        catch (TalkdeskApiException ex) when (ex.CredentialsRefused || ex.StatusCode == HttpStatusCode.Forbidden)
        {
            return await FlagAsync(db, tenant, $"Talkdesk refused the stored credentials ({Status(ex)}): {ex.Message}", ct);
        }
        catch (Exception ex) when (ex is TalkdeskApiException or HttpRequestException or TimeoutException
                                   || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            logger.LogWarning(ex, "Reconciling tenant {TenantId} failed for now; the next run tries again", tenantId);
            return ReconcileOutcome.Failed;
        }

        // A request may have arrived while Talkdesk was read: it will bring its own users, so leave this tenant to it.
        if (await HasOpenRequestAsync(db, accountId, ct)) return ReconcileOutcome.Skipped;
        return await ApplyAsync(db, tenant, licensed, ct);
    }

    private async Task<ReconcileOutcome> ApplyAsync(PortalDbContext db, Tenant tenant, IReadOnlyList<TalkdeskUser> licensed, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var admin = KeptAdmin(tenant, licensed);
        var drift = UserDrift.Between(tenant, licensed, admin?.Id);
        TenantUserSync.Replace(tenant, licensed, admin);
        tenant.ReconciledAt = now;
        if (tenant.ReconcileError is not null)
        {
            tenant.ReconcileError = null;
            audit.Add(db, AuditActors.System, "tenant.reconcile-recovered", AuditOutcomes.Ok, tenantId: tenant.Id,
                accountId: tenant.TalkdeskAccountId, detail: "Talkdesk accepts the stored credentials again");
        }
        ProductDelivery? delivery = null;
        if (drift.Any)
        {
            tenant.DriftAdded = drift.Added.Count;
            tenant.DriftRemoved = drift.Removed.Count;
            tenant.DriftFixedAt = now;
            tenant.UpdatedAt = now;
            audit.Add(db, AuditActors.System, "tenant.drift-fixed", AuditOutcomes.Ok, tenantId: tenant.Id,
                accountId: tenant.TalkdeskAccountId, detail: drift.Detail());
            delivery = outbox.AddDrift(db, tenant, drift.Added, drift.Removed);
        }
        await db.SaveChangesAsync(ct);
        // The webhook leaves once the repair it announces has committed, never before.
        if (delivery is not null) deliveries.Notify(delivery.Id);
        return drift.Any ? ReconcileOutcome.DriftFixed : ReconcileOutcome.InStep;
    }

    // Flag, never delete: the customer may only need to reinstall, and their users keep working meanwhile.
    private async Task<ReconcileOutcome> FlagAsync(PortalDbContext db, Tenant tenant, string error, CancellationToken ct)
    {
        var firstTime = tenant.ReconcileError is null;
        tenant.ReconcileError = error.Length > 1000 ? error[..1000] : error;
        tenant.ReconciledAt = time.GetUtcNow();
        if (firstTime)
            audit.Add(db, AuditActors.System, "tenant.reconcile-failed", AuditOutcomes.Failed, tenantId: tenant.Id,
                accountId: tenant.TalkdeskAccountId, detail: tenant.ReconcileError + " Mappings left as they are.");
        await db.SaveChangesAsync(ct);
        return ReconcileOutcome.Flagged;
    }

    private static Task<bool> HasOpenRequestAsync(PortalDbContext db, string accountId, CancellationToken ct) =>
        db.Requests.AnyAsync(r => r.AccountId == accountId && !RequestStates.Final.Contains(r.State), ct);

    // The installing admin keeps its mapping whether or not Talkdesk still licenses them (as on install).
    private static TalkdeskUser? KeptAdmin(Tenant tenant, IReadOnlyList<TalkdeskUser> licensed)
    {
        if (tenant.AdminTalkdeskUserId is not { } adminId) return null;
        if (licensed.LastOrDefault(u => u.Id == adminId) is { } current) return current;
        return tenant.Users.FirstOrDefault(m => m.TalkdeskUserId == adminId) is { } m
            ? new TalkdeskUser(m.TalkdeskUserId, m.Email, m.Name, m.Active, null)
            : null;
    }

    private static string Status(TalkdeskApiException ex) =>
        ex.OAuthError is { } oauth ? $"{(int?)ex.StatusCode} {oauth}" : $"{(int?)ex.StatusCode}";
}
