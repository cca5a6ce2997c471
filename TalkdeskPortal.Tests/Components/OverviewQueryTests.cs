using Microsoft.Extensions.Time.Testing;
using TalkdeskPortal.Dashboard;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Webhooks;

namespace TalkdeskPortal.Tests.Components;

public sealed class OverviewQueryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 15, 0, 0, TimeSpan.Zero);
    private readonly CommandLog _db = new();
    private readonly FakeTimeProvider _time = new(Now);

    [Fact]
    public async Task EventsPerDay_IsOneQuery_AndCountsEachUtcDayAndType_IncludingTheEdges()
    {
        var today = new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
        Seed(today.AddDays(-29), "app.installed");                 // first instant of the first day
        Seed(today.AddDays(-29).AddMilliseconds(-1), "app.installed"); // just before the window: not counted
        Seed(today.AddDays(-15).AddHours(12), "app.updated");
        Seed(today.AddDays(-15).AddHours(13), "app.updated");
        Seed(today.AddDays(-15).AddHours(14), "app.installed");
        Seed(today.AddMilliseconds(-1), "app.uninstalled");        // last instant of yesterday
        Seed(today, "app.installed");                              // first instant of today
        Seed(Now, "app.installed");
        _db.Clear();

        var rows = await new OverviewQuery(_db, _time).EventsPerDayAsync();

        Assert.Single(_db.Commands);
        Assert.Equal(
        [
            new DailyEvents(new DateOnly(2026, 11, 1), "app.installed", 1),
            new DailyEvents(new DateOnly(2026, 11, 15), "app.installed", 1),
            new DailyEvents(new DateOnly(2026, 11, 15), "app.updated", 2),
            new DailyEvents(new DateOnly(2026, 11, 29), "app.uninstalled", 1),
            new DailyEvents(new DateOnly(2026, 11, 30), "app.installed", 2),
        ], rows);
    }

    [Fact]
    public async Task EventsPerDay_KeepsEndedDays_AndStillCountsTheNewOnes_AcrossMidnight()
    {
        var today = new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
        Seed(today.AddDays(-29), "app.installed");
        Seed(today.AddDays(-3), "app.updated");
        Seed(today.AddHours(1), "app.installed");
        var query = new OverviewQuery(_db, _time);
        await query.EventsPerDayAsync();

        Seed(Now.AddMinutes(1), "app.installed");
        _time.Advance(TimeSpan.FromHours(9) + TimeSpan.FromMinutes(2)); // 00:02 on Dec 1: Nov 30 may still be committing
        Seed(today.AddDays(1).AddSeconds(-1), "app.uninstalled");      // stamped just before midnight, committed now
        Seed(_time.GetUtcNow(), "app.updated");
        var justAfterMidnight = await query.EventsPerDayAsync();
        _time.Advance(TimeSpan.FromHours(1));
        Seed(_time.GetUtcNow(), "app.updated");
        var anHourLater = await query.EventsPerDayAsync();

        Assert.Equal(await new OverviewQuery(_db, _time).EventsPerDayAsync(), anHourLater);
        Assert.Equal(
        [
            new DailyEvents(new DateOnly(2026, 11, 27), "app.updated", 1),
            new DailyEvents(new DateOnly(2026, 11, 30), "app.installed", 2),
            new DailyEvents(new DateOnly(2026, 11, 30), "app.uninstalled", 1),
            new DailyEvents(new DateOnly(2026, 12, 1), "app.updated", 1),
        ], justAfterMidnight); // Nov 1 left the window
        Assert.Equal(2, anHourLater.Single(r => r.Day == new DateOnly(2026, 12, 1)).Count);
    }

    [Fact]
    public async Task EventsPerDay_ReadsAnEndedDayOnce()
    {
        var query = new OverviewQuery(_db, _time);
        await query.EventsPerDayAsync();
        // Not something the intake does (it stamps the present): shows that yesterday is not read again.
        Seed(Now.AddDays(-1), "app.installed");
        Seed(Now, "app.installed");
        _db.Clear();

        var rows = await query.EventsPerDayAsync();

        Assert.Single(_db.Commands);
        Assert.Equal([new DailyEvents(new DateOnly(2026, 11, 30), "app.installed", 1)], rows);
    }

    [Fact]
    public async Task TheOverviewPage_RunsAHandfulOfQueries_NotOnePerDay()
    {
        Seed(Now.AddDays(-3), "app.installed");
        _db.Clear();
        var query = new OverviewQuery(_db, _time);

        await query.CountsAsync();
        await query.EventsPerDayAsync();
        await query.RecentCompletionsAsync();

        Assert.InRange(_db.Commands.Count, 1, 4);
    }

    private void Seed(DateTimeOffset at, string type)
    {
        using var db = _db.CreateDbContext();
        var id = Guid.NewGuid().ToString("N");
        db.Events.Add(new ReceivedEvent
        {
            Id = id, Type = type, AppId = "app", CreatedAt = at, FirstReceivedAt = at, LastReceivedAt = at, DeliveryCount = 1, RedactedPayload = "{}",
        });
        db.SaveChanges();
    }
}
