using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Data;

namespace TalkdeskPortal.Lifecycle;

/// <summary>Past received-at + 7 days Talkdesk has timed the request out: mark it Expired and send nothing.</summary>
public sealed class RequestExpiry(IDbContextFactory<PortalDbContext> dbFactory, AuditLog audit, RequestChanges changes, TimeProvider time)
{
    public static readonly TimeSpan TalkdeskWindow = TimeSpan.FromDays(7);

    public void Expire(PortalDbContext db, LifecycleRequest request)
    {
        var now = time.GetUtcNow();
        request.State = RequestState.Expired;
        request.CompletedAt = now;
        request.UpdatedAt = now;
        audit.Add(db, AuditActors.System, "request.expired", AuditOutcomes.Skipped, request,
            detail: $"Talkdesk's 7-day window closed at {request.Deadline:u}; nothing was sent");
    }

    public async Task<int> ExpireOverdueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var overdue = await db.Requests
            // Only parked requests: a runnable one is checked by its own job, which holds the account's lock.
            .Where(r => r.Deadline <= now && (r.State == RequestState.AwaitingApproval || r.State == RequestState.Failed))
            .OrderBy(r => r.Id).Take(500).ToListAsync(ct);
        foreach (var request in overdue) Expire(db, request);
        await db.SaveChangesAsync(ct);
        foreach (var request in overdue) changes.Publish(request);
        return overdue.Count;
    }
}
