using TalkdeskPortal.Audit;
using TalkdeskPortal.Dashboard;

namespace TalkdeskPortal.Tests.Components;

public sealed class AuditPagerTests
{
    private readonly CommandLog _db = new();

    public AuditPagerTests()
    {
        using var db = _db.CreateDbContext();
        for (var i = 1; i <= 120; i++)
            db.Audit.Add(new AuditEntry { At = DateTimeOffset.UtcNow, Actor = i % 2 == 0 ? "system" : "alice", Action = "request.completed", Outcome = "ok" });
        db.SaveChanges();
        _db.Clear();
    }

    [Fact]
    public async Task TurningPages_CountsTheFilterOnce_AndSeeksInsteadOfSkipping()
    {
        var pager = new AuditPager(new AuditQuery(_db));
        var seen = new List<long>();

        for (var page = 0; page < 3; page++)
        {
            var (rows, total) = await pager.LoadAsync(new AuditFilter(), page, 50);
            Assert.Equal(120, total);
            seen.AddRange(rows.Select(r => r.Id));
        }

        Assert.Equal(Enumerable.Range(1, 120).Select(i => (long)i).Reverse(), seen);
        Assert.Single(_db.Commands, Counts);
        Assert.Single(_db.Commands, c => c.Contains("OFFSET", StringComparison.OrdinalIgnoreCase) && !Counts(c));
    }

    [Fact]
    public async Task Actors_ComeFromStaffKeysAndTheNewestEntries_WithoutADistinctOverTheWholeTrail()
    {
        using (var db = _db.CreateDbContext())
        {
            db.Users.Add(new TalkdeskPortal.Staff.StaffUser { UserName = "quiet@example.com", Email = "quiet@example.com" });
            db.ApiKeys.Add(new TalkdeskPortal.TenantApi.ApiKey { Name = "crm", Prefix = "tdp_x", Hash = "h", CreatedBy = "x" });
            db.SaveChanges();
        }
        _db.Clear();

        var actors = await new AuditQuery(_db).ActorsAsync();

        Assert.Equal(["alice", "api:crm", "quiet@example.com", "system", "talkdesk"], actors);
        Assert.All(_db.Commands.Where(c => c.Contains("DISTINCT", StringComparison.OrdinalIgnoreCase)),
            c => Assert.Contains("LIMIT", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ANewFilter_IsCountedAgain()
    {
        var pager = new AuditPager(new AuditQuery(_db));

        await pager.LoadAsync(new AuditFilter(), 0, 50);
        var (_, total) = await pager.LoadAsync(new AuditFilter(Actor: "alice"), 0, 50);
        await pager.LoadAsync(new AuditFilter(Actor: "alice"), 1, 50);

        Assert.Equal(60, total);
        Assert.Equal(2, _db.Commands.Count(Counts));
    }

    [Fact]
    public async Task AJumpToAFarPage_StillLandsOnTheRightRows()
    {
        var pager = new AuditPager(new AuditQuery(_db));

        await pager.LoadAsync(new AuditFilter(), 0, 50);
        var (rows, _) = await pager.LoadAsync(new AuditFilter(), 2, 50);

        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i).Reverse(), rows.Select(r => r.Id));
    }

    private static bool Counts(string sql) => sql.Contains("COUNT(", StringComparison.OrdinalIgnoreCase);
}
