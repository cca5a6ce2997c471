using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Data;

namespace TalkdeskPortal.Dashboard;

public sealed class RequestDetailQuery(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<RequestDetail?> LoadAsync(long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.Requests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null) return null;
        // The stored credentials never leave the database through this page.
        request.ProtectedCredentials = null;
        var evt = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == request.EventId, ct);
        var deliveries = await db.Deliveries.AsNoTracking().Where(d => d.EventId == request.EventId).OrderBy(d => d.Id).ToListAsync(ct);
        // The request's own entries and its event's entries from before the request existed: two index lookups
        // joined with UNION ALL (disjoint: RequestId is set in one, null in the other). As one OR, SQLite read
        // every entry without a RequestId.
        var timeline = await db.Audit.AsNoTracking().Where(a => a.RequestId == id)
            .Concat(db.Audit.AsNoTracking().Where(a => a.EventId == request.EventId && a.RequestId == null))
            .OrderBy(a => a.At).ThenBy(a => a.Id).Take(500).ToListAsync(ct);
        var tenantId = await db.Tenants.Where(t => t.TalkdeskAccountId == request.AccountId).Select(t => (long?)t.Id).FirstOrDefaultAsync(ct);
        return new RequestDetail(request, evt, deliveries, timeline, tenantId);
    }
}
