using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Data;
using TalkdeskPortal.Lifecycle;

namespace TalkdeskPortal.Tenants;

/// <summary>Tenants for the dashboard: a server-paged list and one tenant with its users, settings and history.</summary>
public sealed class TenantQuery(IDbContextFactory<PortalDbContext> dbFactory)
{
    public sealed record Row(long Id, string AccountName, string TalkdeskAccountId, string? CompanyName, TenantStatus Status,
        string? SubscriptionName, int? Licenses, int Users, int InstallCount, DateTimeOffset UpdatedAt);

    public sealed record Detail(Tenant Tenant, IReadOnlyList<LifecycleRequest> Requests);

    public async Task<(IReadOnlyList<Row> Rows, int Total)> PageAsync(string? search, TenantStatus? status, int page, int pageSize,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Tenants.AsNoTracking();
        if (status is { } s) query = query.Where(t => t.Status == s);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLowerInvariant();
            // A prefix as a range (as the queue's search), so each of the three is an index lookup; SQLite's LIKE,
            // which StartsWith becomes, reads every tenant.
            var upper = term + '\uffff';
            query = query.Where(t => (string.Compare(t.AccountName, term) >= 0 && string.Compare(t.AccountName, upper) < 0)
                                     || t.TalkdeskAccountId == term || t.InstallationId == term);
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(t => t.AccountName).Skip(page * pageSize).Take(pageSize)
            .Select(t => new Row(t.Id, t.AccountName, t.TalkdeskAccountId, t.CompanyName, t.Status, t.SubscriptionName, t.Licenses,
                t.Users.Count, t.InstallCount, t.UpdatedAt))
            .ToListAsync(ct);
        return (rows, total);
    }

    public async Task<Detail?> LoadAsync(long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tenant = await db.Tenants.AsNoTracking().Include(t => t.Users).Include(t => t.Settings).Include(t => t.Checklist)
            .AsSplitQuery().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (tenant is null) return null;
        var requests = await db.Requests.AsNoTracking().Where(r => r.AccountId == tenant.TalkdeskAccountId)
            .OrderByDescending(r => r.Id).Take(200).ToListAsync(ct);
        foreach (var r in requests) r.ProtectedCredentials = null;
        return new Detail(tenant, requests);
    }

    // For pages that know a Talkdesk account (a delivery, a request) and link to its tenant.
    public async Task<long?> IdForAccountAsync(string talkdeskAccountId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Tenants.Where(t => t.TalkdeskAccountId == talkdeskAccountId).Select(t => (long?)t.Id).FirstOrDefaultAsync(ct);
    }
}
