using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Data;

namespace TalkdeskPortal.Retention;

/// <summary>Builds <see cref="TenantExportDocument"/> for one tenant and audits who took it.</summary>
public sealed class TenantExport(IDbContextFactory<PortalDbContext> dbFactory, AuditLog audit, TimeProvider time)
{
    public const string Action = "tenant.exported";

    public async Task<TenantExportDocument?> BuildAsync(long tenantId, string actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tenant = await db.Tenants.AsNoTracking().Include(t => t.Users).Include(t => t.Settings).Include(t => t.Checklist)
            .AsSplitQuery().FirstOrDefaultAsync(t => t.Id == tenantId, ct);
        if (tenant is null) return null;
        var account = tenant.TalkdeskAccountId;

        var requests = await db.Requests.AsNoTracking().Where(r => r.AccountId == account).OrderBy(r => r.Id).ToListAsync(ct);
        var requestIds = requests.Select(r => r.Id).ToList();
        var events = await db.Events.AsNoTracking().Where(e => e.AccountId == account).ToDictionaryAsync(e => e.Id, ct);
        var eventIds = events.Keys.ToList();
        var deliveries = (await db.Deliveries.AsNoTracking().Where(d => eventIds.Contains(d.EventId)).OrderBy(d => d.Id).ToListAsync(ct))
            .ToLookup(d => d.EventId);
        // Every entry about the account once: in its request's timeline (as the request page shows it), or else at the top.
        var audited = await db.Audit.AsNoTracking()
            .Where(a => a.TenantId == tenantId || a.AccountId == account
                        || (a.RequestId != null && requestIds.Contains(a.RequestId.Value)) || (a.EventId != null && eventIds.Contains(a.EventId)))
            .OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync(ct);
        var byEvent = requests.ToDictionary(r => r.EventId, r => r.Id);
        var ofAccount = requestIds.ToHashSet();
        long? RequestOf(AuditEntry a) => a.RequestId is { } id && ofAccount.Contains(id) ? id
            : a.RequestId is null && a.EventId is { } e && byEvent.TryGetValue(e, out var r) ? r : null;
        var timelines = audited.Where(a => RequestOf(a) is not null).ToLookup(a => RequestOf(a)!.Value);

        ExportedEvent? EventOf(string id) => events.TryGetValue(id, out var e) ? ExportedEvent.From(e, [.. deliveries[id]]) : null;
        var exported = requests.Select(r => ExportedRequest.From(r, EventOf(r.EventId), [.. timelines[r.Id]])).ToList();
        var ignored = events.Values.Where(e => !byEvent.ContainsKey(e.Id)).OrderBy(e => e.FirstReceivedAt)
            .Select(e => ExportedEvent.From(e, [.. deliveries[e.Id]])).ToList();
        var products = await db.ProductDeliveries.AsNoTracking().Include(d => d.AttemptLog).Where(d => d.AccountId == account)
            .OrderBy(d => d.Id).AsSplitQuery().ToListAsync(ct);
        var held = await db.Credentials.Where(c => c.AccountId == account).Select(c => c.InstallationId).ToListAsync(ct);
        var installations = requests.GroupBy(r => r.InstallationId)
            .Select(g => new ExportedInstallation(g.Key, g.First().AppId, g.Last().ApiRoot, g.Min(r => r.EventCreatedAt), g.Max(r => r.EventCreatedAt),
                held.Contains(g.Key)))
            .ToList();

        audit.Add(db, actor, Action, AuditOutcomes.Ok, tenantId: tenantId, accountId: account,
            detail: $"Export of {requests.Count} requests, {tenant.Users.Count} users, {tenant.Settings.Count} settings");
        await db.SaveChangesAsync(ct);
        return new TenantExportDocument(time.GetUtcNow(), actor, tenant, installations, exported, ignored, products,
            [.. audited.Where(a => RequestOf(a) is null)]);
    }

    /// <summary><c>tenant-{account}-{utc}.json</c>, the account name reduced to characters every file system takes.</summary>
    public static string FileName(TenantExportDocument document)
    {
        var name = new string(document.Tenant.AccountName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
        return $"tenant-{name}-{document.ExportedAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}.json";
    }
}
