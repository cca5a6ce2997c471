using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Data;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Webhooks;

namespace TalkdeskPortal.Dashboard;

/// <summary>The numbers on the Overview page.</summary>
public sealed class OverviewQuery(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider time)
{
    public async Task<OverviewCounts> CountsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var soon = time.GetUtcNow() + QueueQuery.ExpiringWindow;
        // Counts per state and kind walk the (State, Kind) index in its own order: no sort, no table rows. The
        // expiring ones are ranges of the (State, Deadline) index. (One grouped pass with the expiring count in it
        // had to sort every open request: 30 ms at 60,000 open ones, against 4 ms for these two.)
        var counted = RequestStates.Open.Append(RequestState.Refused).ToArray();
        var byState = await db.Requests.Where(r => counted.Contains(r.State))
            .GroupBy(r => new { r.State, r.Kind })
            .Select(g => new { g.Key.Kind, g.Key.State, Count = g.Count() })
            .ToListAsync(ct);
        var expiring = await db.Requests.CountAsync(r => RequestStates.Open.Contains(r.State) && r.Deadline <= soon, ct);
        var open = byState.Where(x => x.State != RequestState.Refused).ToList();
        int Kind(RequestKind k) => open.Where(x => x.Kind == k).Sum(x => x.Count);
        int State(RequestState s) => byState.Where(x => x.State == s).Sum(x => x.Count);
        return new OverviewCounts(Kind(RequestKind.Install), Kind(RequestKind.Update), Kind(RequestKind.Uninstall),
            State(RequestState.AwaitingApproval), State(RequestState.Failed), State(RequestState.Retrying), expiring, State(RequestState.Refused));
    }

    /// <summary>
    /// Events per day and type for the last <paramref name="days"/> days (UTC), in one query: a range on the
    /// (FirstReceivedAt, Type) index, grouped by type and a day number computed in SQL. A day that has ended no longer
    /// changes (FirstReceivedAt is the intake's clock), so its counts are kept and later calls read only the days
    /// after the last one kept: today, mostly. At a million events in the window the full count takes ~200 ms
    /// on SQLite; today's share of it a thirtieth.
    /// </summary>
    public async Task<IReadOnlyList<DailyEvents>> EventsPerDayAsync(int days = 30, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var start = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1 - days), TimeSpan.Zero);
        var end = start.AddDays(days);
        // A day counts as ended a few minutes after midnight: an event stamped 23:59:59.9 may still be committing.
        var closedUntil = new DateTimeOffset((now - ClosedAfter).UtcDateTime.Date, TimeSpan.Zero);
        var kept = _closedDays is { } k && k.From <= start && k.Until >= start ? k : null;
        var from = kept?.Until ?? start;

        var dayAndType = DayBuckets.Project<ReceivedEvent>(e => e.FirstReceivedAt, e => e.Type, start, days);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await db.Events
            .Where(e => e.FirstReceivedAt >= from && e.FirstReceivedAt < end)
            .Select(dayAndType)
            .GroupBy(x => new { x.Day, x.Type })
            .Select(g => new { g.Key.Day, g.Key.Type, Count = g.Count() })
            .ToListAsync(ct);
        var first = DateOnly.FromDateTime(start.UtcDateTime);
        var rows = (kept?.Rows.Where(r => r.Day >= first) ?? [])
            .Concat(counts.Select(c => new DailyEvents(first.AddDays(c.Day), c.Type, c.Count)))
            .OrderBy(c => c.Day).ThenBy(c => c.Type, StringComparer.Ordinal).ToList();
        var lastClosed = DateOnly.FromDateTime(closedUntil.UtcDateTime);
        _closedDays = new ClosedDays(start, closedUntil, [.. rows.Where(r => r.Day < lastClosed)]);
        return rows;
    }

    private static readonly TimeSpan ClosedAfter = TimeSpan.FromMinutes(5);

    // Counts of whole UTC days in [From, Until), which no longer change. Replaced, never mutated: callers may overlap.
    private volatile ClosedDays? _closedDays;

    private sealed record ClosedDays(DateTimeOffset From, DateTimeOffset Until, IReadOnlyList<DailyEvents> Rows);

    public async Task<IReadOnlyList<CompletionTime>> RecentCompletionsAsync(int count = 10, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Walk the CompletedAt index newest first; filtering the state in memory keeps the plan on that index.
        var rows = await db.Requests.AsNoTracking()
            .Where(r => r.CompletedAt != null)
            .OrderByDescending(r => r.CompletedAt).Take(count * 4)
            .Select(r => new { r.Id, r.Kind, r.AccountName, r.ReceivedAt, r.CompletedAt, r.State })
            .ToListAsync(ct);
        return rows.Where(r => r.State is RequestState.Completed or RequestState.Rejected).Take(count).Select(r => new CompletionTime(r.Id, r.Kind, r.AccountName, (r.CompletedAt!.Value - r.ReceivedAt).TotalSeconds, r.CompletedAt.Value)).ToList();
    }
}
