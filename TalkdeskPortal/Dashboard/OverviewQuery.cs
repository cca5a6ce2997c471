using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Data;
using TalkdeskPortal.Lifecycle;

namespace TalkdeskPortal.Dashboard;

/// <summary>The numbers on the Overview page.</summary>
public sealed class OverviewQuery(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider time)
{
    public async Task<OverviewCounts> CountsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = db.Requests.Where(r => !RequestStates.Final.Contains(r.State));
        var byKind = await open.GroupBy(r => r.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var byState = await open.GroupBy(r => r.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var soon = time.GetUtcNow() + QueueQuery.ExpiringWindow;
        var expiring = await open.CountAsync(r => r.Deadline <= soon, ct);
        int Kind(RequestKind k) => byKind.FirstOrDefault(x => x.Key == k)?.Count ?? 0;
        int State(RequestState s) => byState.FirstOrDefault(x => x.Key == s)?.Count ?? 0;
        return new OverviewCounts(Kind(RequestKind.Install), Kind(RequestKind.Update), Kind(RequestKind.Uninstall),
            State(RequestState.AwaitingApproval), State(RequestState.Failed), expiring);
    }

    /// <summary>Events per day and type for the last <paramref name="days"/> days (grouped in memory by day: provider-neutral).</summary>
    public async Task<IReadOnlyList<DailyEvents>> EventsPerDayAsync(int days = 30, CancellationToken ct = default)
    {
        var since = time.GetUtcNow().UtcDateTime.Date.AddDays(-(days - 1));
        var sinceOffset = new DateTimeOffset(since, TimeSpan.Zero);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var events = await db.Events.AsNoTracking().Where(e => e.FirstReceivedAt >= sinceOffset)
            .Select(e => new { e.FirstReceivedAt, e.Type }).ToListAsync(ct);
        return events.GroupBy(e => (Day: DateOnly.FromDateTime(e.FirstReceivedAt.UtcDateTime), e.Type))
            .Select(g => new DailyEvents(g.Key.Day, g.Key.Type, g.Count()))
            .OrderBy(d => d.Day).ToList();
    }

    public async Task<IReadOnlyList<CompletionTime>> RecentCompletionsAsync(int count = 10, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Requests.AsNoTracking()
            .Where(r => r.CompletedAt != null && (r.State == RequestState.Completed || r.State == RequestState.Rejected))
            .OrderByDescending(r => r.CompletedAt).Take(count)
            .Select(r => new { r.Id, r.Kind, r.AccountName, r.ReceivedAt, r.CompletedAt })
            .ToListAsync(ct);
        return rows.Select(r => new CompletionTime(r.Id, r.Kind.ToString(), r.AccountName, (r.CompletedAt!.Value - r.ReceivedAt).TotalSeconds, r.CompletedAt.Value)).ToList();
    }
}
