using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Data;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Product.Events;
using TalkdeskPortal.Talkdesk;
using TalkdeskPortal.Tenants;

namespace TalkdeskPortal.Product;

/// <summary>
/// The webhook a request announces, built from what it will apply (its staged data) and the tenant as it is
/// before: the same body whether it goes out before Talkdesk's approve (ProductAccepted) or after it.
/// Null when there is nothing to announce (an older event than one already applied, nothing staged).
/// </summary>
public static class ProductEventBuilder
{
    public static async Task<(string Type, string Body)?> BuildAsync(PortalDbContext db, LifecycleRequest request, CancellationToken ct)
    {
        var tenant = await db.Tenants.AsNoTracking().Include(t => t.Users).Include(t => t.Settings).AsSplitQuery()
            .FirstOrDefaultAsync(t => t.TalkdeskAccountId == request.AccountId, ct);
        if (tenant?.LastEventAt is { } last && request.EventCreatedAt < last) return null;
        var data = RequestData.From(request);
        return request.Kind switch
        {
            RequestKind.Install => Install(request, tenant),
            RequestKind.Update when tenant is not null => Update(request, tenant, data),
            RequestKind.Uninstall when tenant is not null => Body(ProductEventTypes.Uninstalled, request, new TenantUninstalledData(
                TenantKeys.For(request.AccountId), request.AccountId, tenant.AccountName, request.InstallationId,
                data.ReasonType, data.ReasonMessage)),
            RequestKind.TrialStarted or RequestKind.TrialExtended or RequestKind.TrialEnded when tenant is not null =>
                Body(ProductEventTypes.TrialChanged, request, new TenantTrialChangedData(
                    TenantKeys.For(request.AccountId), request.AccountId, tenant.AccountName, request.InstallationId,
                    TrialState(request.Kind), data.ExpiresAt ?? tenant.TrialExpiresAt)),
            _ => null,
        };
    }

    private static (string, string)? Install(LifecycleRequest request, Tenant? tenant)
    {
        if (request.StagedJson is null) return null;
        var snapshot = JsonSerializer.Deserialize<InstallSnapshot>(request.StagedJson)!;
        var reinstall = tenant is { InstallCount: > 0 }
                        && (tenant.InstallationId != request.InstallationId || tenant.Status != TenantStatus.Active);
        var admin = snapshot.Installation.CreatedBy;
        var installCount = (tenant?.InstallCount ?? 0) + (tenant is null || reinstall ? 1 : 0);
        var data = new TenantInstalledData(
            TenantKeys.For(request.AccountId), request.AccountId, snapshot.Account.Name, snapshot.Account.CompanyName,
            snapshot.Account.Timezone, RegionNames.For(request.ApiRoot), request.ApiRoot, request.InstallationId, request.AppId,
            snapshot.Subscription is { } s ? new ProductPlan(s.Type, s.Name, s.TotalLicenses) : null,
            admin is null ? null : User(admin),
            snapshot.Users.DistinctBy(u => u.Id).Select(User).ToList(),
            installCount,
            reinstall ? tenant!.Settings.OrderBy(s => s.Key).ToDictionary(s => s.Key, s => s.Value) : null);
        return Body(reinstall ? ProductEventTypes.Reinstalled : ProductEventTypes.Provisioned, request, data);
    }

    // Mirrors TenantUserSync.Apply: who the update adds and removes, as the tenant stands before it.
    private static (string, string)? Update(LifecycleRequest request, Tenant tenant, RequestData data)
    {
        var licensed = request.StagedJson is { } json ? JsonSerializer.Deserialize<StagedUpdate>(json)!.LicensedUsers : [];
        var known = licensed.DistinctBy(u => u.Id).ToDictionary(u => u.Id);
        var added = data.UsersAdding.Distinct()
            .Where(id => tenant.Users.All(m => m.TalkdeskUserId != id))
            .Select(id => known.TryGetValue(id, out var u) ? User(u) : new ProductUser(id, null, null)).ToList();
        var removed = tenant.Users
            .Where(m => data.UsersRemoving.Contains(m.TalkdeskUserId) && m.TalkdeskUserId != tenant.AdminTalkdeskUserId)
            .Select(m => new ProductUser(m.TalkdeskUserId, m.Email, m.Name)).ToList();
        var plan = data.SubscriptionName ?? tenant.SubscriptionName;
        int? licenses = int.TryParse(data.SubscriptionLicenses, out var l) ? l : tenant.Licenses;
        return Body(ProductEventTypes.Updated, request, new TenantUpdatedData(
            TenantKeys.For(request.AccountId), request.AccountId, tenant.AccountName, request.InstallationId,
            new ProductPlan(tenant.SubscriptionType, plan, licenses),
            plan != tenant.SubscriptionName, licenses != tenant.Licenses, added, removed));
    }

    /// <summary>
    /// <c>tenant.updated</c> for users Talkdesk licensed or unlicensed without an event (reconciliation): the plan as
    /// it stands, unchanged, and who came and went.
    /// </summary>
    public static (string Type, string Body) Drift(Tenant tenant, IReadOnlyList<ProductUser> added, IReadOnlyList<ProductUser> removed,
        DateTimeOffset at) =>
        (ProductEventTypes.Updated, ProductJson.Body(ProductEventTypes.Updated, at, new TenantUpdatedData(
            TenantKeys.For(tenant.TalkdeskAccountId), tenant.TalkdeskAccountId, tenant.AccountName, tenant.InstallationId ?? "",
            new ProductPlan(tenant.SubscriptionType, tenant.SubscriptionName, tenant.Licenses), false, false, added, removed)));

    private static ProductUser User(TalkdeskUser user) => new(user.Id, user.Email, user.Name);

    private static string TrialState(RequestKind kind) => kind switch
    {
        RequestKind.TrialStarted => "started",
        RequestKind.TrialExtended => "extended",
        _ => "ended",
    };

    private static (string, string) Body<T>(string type, LifecycleRequest request, T data) =>
        (type, ProductJson.Body(type, request.EventCreatedAt, data));
}
