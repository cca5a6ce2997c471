using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Data;
using TalkdeskPortal.Lifecycle;

namespace TalkdeskPortal.Dashboard;

/// <summary>The queue, paged, sorted and filtered in the database (provider-neutral LINQ).</summary>
public sealed class QueueQuery(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider time)
{
    public static readonly TimeSpan ExpiringWindow = TimeSpan.FromHours(24);

    public async Task<(IReadOnlyList<QueueRow> Rows, int Total)> PageAsync(QueueFilter filter, QueueSort sort, bool descending,
        int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Filter(db.Requests.AsNoTracking(), filter);
        var total = await query.CountAsync(ct);
        var rows = await Sort(query, sort, descending)
            .Skip(page * pageSize).Take(pageSize)
            .Select(r => new QueueRow(r.Id, r.Kind, r.State, r.AccountId, r.AccountName, r.InstallationId, r.ReceivedAt,
                r.Deadline, r.CompletedAt, r.WaitingReason, r.Error, r.Attempts, r.NextAttemptAt, r.FirstDecision, r.FirstDecisionBy))
            .ToListAsync(ct);
        return (rows, total);
    }

    public async Task<IReadOnlyList<long>> AwaitingIdsAsync(IEnumerable<long> ids, CancellationToken ct = default)
    {
        var wanted = ids.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Requests.Where(r => wanted.Contains(r.Id) && r.State == RequestState.AwaitingApproval).Select(r => r.Id).ToListAsync(ct);
    }

    private IQueryable<LifecycleRequest> Filter(IQueryable<LifecycleRequest> query, QueueFilter filter)
    {
        if (filter.Kind is { } kind) query = query.Where(r => r.Kind == kind);
        if (filter.State is { } state) query = query.Where(r => r.State == state);
        if (filter.PendingOnly || filter.ExpiringSoon) query = query.Where(r => RequestStates.Open.Contains(r.State));
        if (filter.ExpiringSoon)
        {
            var soon = time.GetUtcNow() + ExpiringWindow;
            query = query.Where(r => r.Deadline <= soon);
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim().ToLowerInvariant();
            // A prefix as a range, so the AccountName index serves it on every provider (LIKE often cannot).
            var upper = term + '\uffff';
            query = query.Where(r => r.AccountId == term || r.InstallationId == term || r.EventId == term
                                     || (string.Compare(r.AccountName, term) >= 0 && string.Compare(r.AccountName, upper) < 0));
        }
        return query;
    }

    private static IQueryable<LifecycleRequest> Sort(IQueryable<LifecycleRequest> query, QueueSort sort, bool descending) => sort switch
    {
        QueueSort.Deadline => descending ? query.OrderByDescending(r => r.Deadline) : query.OrderBy(r => r.Deadline),
        QueueSort.Account => descending ? query.OrderByDescending(r => r.AccountName) : query.OrderBy(r => r.AccountName),
        QueueSort.State => descending ? query.OrderByDescending(r => r.State) : query.OrderBy(r => r.State),
        QueueSort.Kind => descending ? query.OrderByDescending(r => r.Kind) : query.OrderBy(r => r.Kind),
        _ => descending ? query.OrderByDescending(r => r.Id) : query.OrderBy(r => r.Id),
    };
}
