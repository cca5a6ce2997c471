using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Data;
using TalkdeskPortal.Product.Events;
using TalkdeskPortal.Tenants;

namespace TalkdeskPortal.TenantApi;

/// <summary>The reads behind the tenant API, shaped as its answers.</summary>
public sealed class TenantApiQuery(IDbContextFactory<PortalDbContext> dbs)
{
    private sealed record Row(Tenant Tenant, int Licensed, ProductUser? Admin);

    public async Task<ApiTenant?> TenantAsync(string accountId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var row = await Rows(db.Tenants.Where(t => t.TalkdeskAccountId == accountId)).FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var settings = await db.TenantSettings.AsNoTracking().Where(s => s.TenantId == row.Tenant.Id).OrderBy(s => s.Key)
            .ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        return Shape(row, settings);
    }

    public async Task<ApiTenantList> PageAsync(int page, int pageSize, TenantStatus? status, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var query = db.Tenants.AsQueryable();
        if (status is { } s) query = query.Where(t => t.Status == s);
        var total = await query.CountAsync(ct);
        var rows = await Rows(query.OrderBy(t => t.Id).Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(ct);
        return new ApiTenantList(rows.Select(r => Shape(r, null)).ToList(), page, pageSize, total);
    }

    public async Task<ApiUserList?> UsersAsync(string accountId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tenantId = await db.Tenants.Where(t => t.TalkdeskAccountId == accountId).Select(t => (long?)t.Id).FirstOrDefaultAsync(ct);
        if (tenantId is null) return null;
        var users = await db.TenantUsers.AsNoTracking().Where(u => u.TenantId == tenantId).OrderBy(u => u.Id)
            .Select(u => new ApiUser(u.TalkdeskUserId, u.Email, u.Name, u.Active, u.IsAdmin)).ToListAsync(ct);
        return new ApiUserList(users);
    }

    // A user id in several tenants: the licensed mapping wins, then an active tenant, then the newest mapping.
    public async Task<ApiUserLookup?> UserAsync(string userId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var found = await (from u in db.TenantUsers
                           join t in db.Tenants on u.TenantId equals t.Id
                           where u.TalkdeskUserId == userId
                           orderby u.Active descending, t.Status == TenantStatus.Active descending, u.Id descending
                           select new { u.TalkdeskUserId, u.Email, u.Name, u.Active, u.IsAdmin, t.TalkdeskAccountId, t.AccountName, t.Status })
            .FirstOrDefaultAsync(ct);
        return found is null
            ? null
            : new ApiUserLookup(found.TalkdeskUserId, found.Email, found.Name, found.Active, found.IsAdmin,
                new ApiTenantRef(TenantKeys.For(found.TalkdeskAccountId), found.TalkdeskAccountId, found.AccountName, StatusName(found.Status)));
    }

    public static string StatusName(TenantStatus status) => status.ToString().ToLowerInvariant();

    private static IQueryable<Row> Rows(IQueryable<Tenant> tenants) =>
        tenants.AsNoTracking().Select(t => new Row(t,
            t.Users.Count(u => u.Active),
            t.Users.Where(u => u.TalkdeskUserId == t.AdminTalkdeskUserId).Select(u => new ProductUser(u.TalkdeskUserId, u.Email, u.Name)).FirstOrDefault()));

    private static ApiTenant Shape(Row row, IReadOnlyDictionary<string, string>? settings)
    {
        var t = row.Tenant;
        var admin = row.Admin ?? (t.AdminTalkdeskUserId is { } id ? new ProductUser(id, null, null) : null);
        return new ApiTenant(TenantKeys.For(t.TalkdeskAccountId), t.TalkdeskAccountId, t.AccountName, t.CompanyName, t.Timezone,
            StatusName(t.Status), t.InstallationId, t.AppId, new ProductPlan(t.SubscriptionType, t.SubscriptionName, t.Licenses),
            admin, row.Licensed, t.InstalledAt, t.UninstalledAt, t.CreatedAt, t.UpdatedAt, settings);
    }
}
