using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Data;

namespace TalkdeskPortal.Dashboard;

public sealed class AuditQuery(IDbContextFactory<PortalDbContext> dbFactory)
{
    private const int RecentEntries = 10_000;

    /// <summary>
    /// One page, newest first. <paramref name="knownTotal"/> skips the count (the caller counted this filter already);
    /// <paramref name="beforeId"/> seeks past the previous page's last id instead of skipping rows (keyset paging).
    /// </summary>
    public async Task<(IReadOnlyList<AuditEntry> Rows, int Total)> PageAsync(AuditFilter filter, int page, int pageSize,
        int? knownTotal = null, long? beforeId = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Audit.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Actor)) query = query.Where(a => a.Actor == filter.Actor.Trim());
        if (filter.TenantId is { } tenantId) query = query.Where(a => a.TenantId == tenantId);
        if (!string.IsNullOrWhiteSpace(filter.Action)) query = query.Where(a => a.Action.StartsWith(filter.Action.Trim()));
        if (!string.IsNullOrWhiteSpace(filter.AccountId)) query = query.Where(a => a.AccountId == filter.AccountId.Trim());
        var total = knownTotal ?? await query.CountAsync(ct);
        var ordered = query.OrderByDescending(a => a.Id);
        var rows = beforeId is { } before
            ? await ordered.Where(a => a.Id < before).Take(pageSize).ToListAsync(ct)
            : await ordered.Skip(page * pageSize).Take(pageSize).ToListAsync(ct);
        return (rows, total);
    }

    /// <summary>
    /// Who can appear as an actor: the portal itself, Talkdesk, every staff account, every API key, and whoever acted
    /// in the newest entries (single sign-on staff have no local account). Never a DISTINCT over the whole audit
    /// trail, which costs hundreds of milliseconds at a million requests.
    /// </summary>
    public async Task<IReadOnlyList<string>> ActorsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var staff = await db.Users.AsNoTracking().Where(u => u.UserName != null).Select(u => u.UserName!).ToListAsync(ct);
        var keys = await db.ApiKeys.AsNoTracking().Select(k => k.Name).ToListAsync(ct);
        var recent = await db.Audit.AsNoTracking().OrderByDescending(a => a.Id).Take(RecentEntries)
            .Select(a => a.Actor).Distinct().ToListAsync(ct);
        return new[] { AuditActors.System, AuditActors.Talkdesk }
            .Concat(staff)
            .Concat(recent)
            .Concat(keys.Select(TenantApi.ApiKeyDefaults.Actor))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(500).ToList();
    }
}
