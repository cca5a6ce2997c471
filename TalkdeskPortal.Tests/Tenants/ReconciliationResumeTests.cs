using Microsoft.EntityFrameworkCore;

namespace TalkdeskPortal.Tests.Tenants;

/// <summary>A pass cut short by its time budget: the next one starts with the tenants it did not reach.</summary>
public sealed class ReconciliationResumeTests : ReconciliationTestBase
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Reconciliation:MaxRunTime"] = "00:00:00.001"; // every pass stops after its first tenant
    }

    [Fact]
    public async Task EachPass_StartsWithTheNeverChecked_ThenTheOldestChecked()
    {
        var yesterday = await InstallAsync("yesterday", users: 1);
        var never = await InstallAsync("never", users: 1);
        var lastWeek = await InstallAsync("lastweek", users: 1);
        var now = DateTimeOffset.UtcNow;
        await SetReconciledAtAsync(yesterday.AccountId, now.AddDays(-1));
        await SetReconciledAtAsync(lastWeek.AccountId, now.AddDays(-7));

        var order = new List<long>();
        for (var pass = 0; pass < 3; pass++)
        {
            var run = await RunAsync();
            Assert.True(run.Stopped || pass == 2);
            order.Add(Assert.Single(run.Tenants).Key);
        }

        var expected = new[] { never, lastWeek, yesterday };
        var ids = new List<long>();
        foreach (var i in expected) ids.Add((await TenantAsync(i.AccountId)).Id);
        Assert.Equal(ids, order);
        foreach (var i in expected) Assert.True((await TenantAsync(i.AccountId)).ReconciledAt > now.AddMinutes(-1));
    }

    private async Task SetReconciledAtAsync(string accountId, DateTimeOffset at)
    {
        await using var db = Portal.Db();
        var tenant = await db.Tenants.SingleAsync(t => t.TalkdeskAccountId == accountId);
        tenant.ReconciledAt = at;
        await db.SaveChangesAsync();
    }
}
