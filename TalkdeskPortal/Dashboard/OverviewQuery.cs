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
        var refused = await db.Requests.CountAsync(r => r.State == RequestState.Refused, ct);
        int Kind(RequestKind k) => byKind.FirstOrDefault(x => x.Key == k)?.Count ?? 0;
        int State(RequestState s) => byState.FirstOrDefault(x => x.Key == s)?.Count ?? 0;
        return new OverviewCounts(Kind(RequestKind.Install), Kind(RequestKind.Update), Kind(RequestKind.Uninstall),
            State(RequestState.AwaitingApproval), State(RequestState.Failed), State(RequestState.Retrying), expiring, refused);
    }

    /// <summary>Events per day and type for the last <paramref name="days"/> days: one indexed count per day, provider-neutral.</summary>
    public async Task<IReadOnlyList<DailyEvents>> EventsPerDayAsync(int days = 30, CancellationToken ct = default)
    {
        var today = time.GetUtcNow().UtcDateTime.Date;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var result = new List<DailyEvents>();
        for (var i = days - 1; i >= 0; i--)
        {
            var start = new DateTimeOffset(today.AddDays(-i), TimeSpan.Zero);
            var end = start.AddDays(1);
            var counts = await db.Events.Where(e => e.FirstReceivedAt >= start && e.FirstReceivedAt < end)
                .GroupBy(e => e.Type).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            result.AddRange(counts.Select(c => new DailyEvents(DateOnly.FromDateTime(start.UtcDateTime), c.Key, c.Count)));
        }
        return result;
    }

    public async Task<IReadOnlyList<CompletionTime>> RecentCompletionsAsync(int count = 10, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Walk the CompletedAt index newest first; filtering the state in memory keeps the plan on that index.
        var rows = await db.Requests.AsNoTracking()
            .Where(r => r.CompletedAt != null)
            .OrderByDescending(r => r.CompletedAt).Take(count * 4)
            .Select(r => new { r.Id, r.Kind, r.AccountName, r.ReceivedAt, r.CompletedAt, r.State })
            .ToListAsync(ct);
        return rows.Where(r => r.State is RequestState.Completed or RequestState.Rejected).Take(count).Select(r => new CompletionTime(r.Id, r.Kind.ToString(), r.AccountName, (r.CompletedAt!.Value - r.ReceivedAt).TotalSeconds, r.CompletedAt.Value)).ToList();
    }
}
