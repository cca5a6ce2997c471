using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Data;
using TalkdeskPortal.Lifecycle.Jobs;

namespace TalkdeskPortal.Lifecycle;

/// <summary>Staff retry of a Failed request: its job resumes where the failure stopped it.</summary>
public sealed class RequestRetry(IDbContextFactory<PortalDbContext> dbFactory, RequestDispatcher dispatcher, AuditLog audit)
{
    public async Task<bool> RetryAsync(long requestId, string actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.Requests.FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is not { State: RequestState.Failed }) return false;
        audit.Add(db, actor, "request.retry-requested", AuditOutcomes.Ok, request, detail: request.Error);
        await db.SaveChangesAsync(ct);
        dispatcher.Notify(requestId);
        return true;
    }
}
