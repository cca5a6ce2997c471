using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Data;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Talkdesk;

namespace TalkdeskPortal.Tenants;

/// <summary>
/// Applies a request to the partner account. Every method is safe to run twice: it converges on
/// what Talkdesk says rather than adding to what is there. The caller saves.
/// </summary>
public sealed class TenantProvisioner(AuditLog audit, TimeProvider time)
{
    public async Task<Tenant> ApplyInstallAsync(PortalDbContext db, LifecycleRequest request, InstallSnapshot snapshot, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var tenant = await FindAsync(db, request.AccountId, ct);
        var isNew = tenant is null;
        tenant ??= NewTenant(db, request, now);
        if (IsStale(tenant, request)) return Superseded(db, request, tenant);

        var reinstall = !isNew && tenant.InstallationId != request.InstallationId;
        tenant.AccountName = snapshot.Account.Name;
        tenant.CompanyName = snapshot.Account.CompanyName;
        tenant.Timezone = snapshot.Account.Timezone;
        tenant.AppId = request.AppId;
        if (tenant.InstallationId != request.InstallationId || tenant.Status != TenantStatus.Active)
        {
            tenant.InstallCount++;
            tenant.InstalledAt = now;
        }
        tenant.Status = TenantStatus.Active;
        tenant.InstallationId = request.InstallationId;
        tenant.UninstalledAt = null;
        ApplySubscription(tenant, snapshot.Subscription);
        var admin = snapshot.Installation.CreatedBy;
        tenant.AdminTalkdeskUserId = admin?.Id;
        TenantUserSync.Replace(tenant, snapshot.Users, admin);
        tenant.LastEventAt = request.EventCreatedAt;
        tenant.UpdatedAt = now;

        if (isNew)
        {
            tenant.Settings.AddRange(TenantDefaults.Settings(tenant, admin?.Email));
            tenant.Checklist.AddRange(TenantDefaults.Checklist());
        }

        var action = isNew ? "tenant.created" : reinstall ? "tenant.reinstalled" : "tenant.refreshed";
        audit.Add(db, AuditActors.System, action, AuditOutcomes.Ok, request,
            detail: $"{tenant.Users.Count} user mappings; plan {tenant.SubscriptionName ?? "none"}; install #{tenant.InstallCount}", tenant: tenant);
        return tenant;
    }

    public async Task<Tenant> ApplyUpdateAsync(PortalDbContext db, LifecycleRequest request, RequestData data,
        IReadOnlyList<TalkdeskUser> licensedUsers, CancellationToken ct)
    {
        var tenant = await RequireAsync(db, request, ct);
        if (IsStale(tenant, request)) return Superseded(db, request, tenant);

        var (added, removed) = TenantUserSync.Apply(tenant, data.UsersAdding, data.UsersRemoving, licensedUsers);
        if (data.SubscriptionName is not null) tenant.SubscriptionName = data.SubscriptionName;
        if (int.TryParse(data.SubscriptionLicenses, out var licenses)) tenant.Licenses = licenses;
        tenant.LastEventAt = request.EventCreatedAt;
        tenant.UpdatedAt = time.GetUtcNow();
        audit.Add(db, AuditActors.System, "tenant.updated", AuditOutcomes.Ok, request, tenant.Id,
            $"{added} users added, {removed} removed; plan {tenant.SubscriptionName ?? "unchanged"}, {tenant.Licenses?.ToString() ?? "?"} licenses");
        return tenant;
    }

    public async Task<Tenant> MarkUninstalledAsync(PortalDbContext db, LifecycleRequest request, RequestData data, CancellationToken ct)
    {
        var tenant = await RequireAsync(db, request, ct);
        if (IsStale(tenant, request)) return Superseded(db, request, tenant);

        tenant.Status = TenantStatus.Uninstalled;
        tenant.UninstalledAt ??= time.GetUtcNow();
        tenant.LastEventAt = request.EventCreatedAt;
        tenant.UpdatedAt = time.GetUtcNow();
        audit.Add(db, AuditActors.System, "tenant.uninstalled", AuditOutcomes.Ok, request, tenant.Id,
            $"Reason: {data.ReasonType ?? "none"} {data.ReasonMessage}".Trim() + "; mappings and settings kept for a reinstall");
        return tenant;
    }

    public async Task<Tenant> RecordTrialAsync(PortalDbContext db, LifecycleRequest request, RequestData data, CancellationToken ct)
    {
        var tenant = await RequireAsync(db, request, ct);
        tenant.TrialState = request.Kind switch
        {
            RequestKind.TrialStarted => "started",
            RequestKind.TrialExtended => "extended",
            _ => "ended",
        };
        if (data.ExpiresAt is not null) tenant.TrialExpiresAt = data.ExpiresAt;
        tenant.UpdatedAt = time.GetUtcNow();
        audit.Add(db, AuditActors.System, "tenant.trial", AuditOutcomes.Ok, request, tenant.Id,
            $"Trial {tenant.TrialState}{(data.ExpiresAt is { } e ? $", expires {e:u}" : "")}");
        return tenant;
    }

    private static Task<Tenant?> FindAsync(PortalDbContext db, string accountId, CancellationToken ct) =>
        db.Tenants.Include(t => t.Users).Include(t => t.Settings).Include(t => t.Checklist)
            .AsSplitQuery()
            .FirstOrDefaultAsync(t => t.TalkdeskAccountId == accountId, ct);

    private static async Task<Tenant> RequireAsync(PortalDbContext db, LifecycleRequest request, CancellationToken ct) =>
        await FindAsync(db, request.AccountId, ct)
        ?? throw new WorkflowException($"No partner account exists for Talkdesk account {request.AccountId}.");

    private static Tenant NewTenant(PortalDbContext db, LifecycleRequest request, DateTimeOffset now)
    {
        var tenant = new Tenant
        {
            TalkdeskAccountId = request.AccountId,
            AccountName = request.AccountName ?? request.AccountId,
            CreatedAt = now,
        };
        db.Tenants.Add(tenant);
        return tenant;
    }

    private static void ApplySubscription(Tenant tenant, TalkdeskSubscription? subscription)
    {
        if (subscription is null) return;
        tenant.SubscriptionType = subscription.Type;
        tenant.SubscriptionName = subscription.Name;
        tenant.Licenses = subscription.TotalLicenses;
    }

    private static bool IsStale(Tenant tenant, LifecycleRequest request) =>
        tenant.LastEventAt is { } last && request.EventCreatedAt < last;

    private Tenant Superseded(PortalDbContext db, LifecycleRequest request, Tenant tenant)
    {
        audit.Add(db, AuditActors.System, "tenant.unchanged", AuditOutcomes.Skipped, request, tenant.Id,
            "A newer event was already applied to this account; this older one changes nothing.");
        return tenant;
    }
}
