using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Sandbox;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Lifecycle;

/// <summary>
/// Talkdesk down for a minute, with the default retry schedule (30 s, 1 min, …) and Hangfire on SQLite:
/// every acknowledged install is approved soon after Talkdesk is back, by nobody but the portal.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class OutageRecoveryTests
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TalkdeskDownForAMinute_EveryInstallIsApproved_WithinAMinuteOfRecovery_WithNoStaffAction()
    {
        await using var talkdesk = await FakeTalkdeskHost.StartAsync();
        await using var portal = PortalApp.Start(talkdesk);
        var installations = Enumerable.Range(0, 3).Select(i => talkdesk.Fake.CreateInstallation($"down{i}")).ToList();

        talkdesk.Fake.Faults.FailNext(100_000, 503);
        var outageStarted = DateTime.UtcNow;
        foreach (var installation in installations)
            Assert.Equal(HttpStatusCode.Accepted, (await portal.PostEventAsync(talkdesk.Fake.InstalledEvent(installation, talkdesk.ApiRoot))).StatusCode);
        await WaitAsync(() => CountAsync(portal.DataDirectory, RequestState.Retrying), installations.Count, TimeSpan.FromSeconds(30));

        var left = Outage - (DateTime.UtcNow - outageStarted);
        if (left > TimeSpan.Zero) await Task.Delay(left);
        talkdesk.Fake.Faults.Reset();
        var recovered = DateTime.UtcNow;
        await WaitAsync(() => CountAsync(portal.DataDirectory, RequestState.Completed), installations.Count, TimeSpan.FromSeconds(75));
        var took = DateTime.UtcNow - recovered;

        Assert.True(took <= TimeSpan.FromSeconds(60), $"approved {took.TotalSeconds:0} s after Talkdesk came back");
        Assert.All(installations, i => Assert.Equal(1, talkdesk.Fake.Decisions.Count(d => d.InstallationId == i.InstallationId)));
        await using var db = portal.Db();
        Assert.False(await db.Audit.AnyAsync(a => a.Action == "request.failed" || a.Actor != "system" && a.Actor != "talkdesk"));
        foreach (var request in await db.Requests.ToListAsync())
            Assert.InRange(await db.Audit.CountAsync(a => a.RequestId == request.Id && a.Action == "request.retrying"), 2, 4);
    }

    [Fact]
    public async Task KilledDuringTheOutage_AndRestarted_EveryInstallIsApprovedExactlyOnce_AfterRecovery()
    {
        await using var talkdesk = await FakeTalkdeskHost.StartAsync();
        var data = TestData.NewDirectory();
        var installations = Enumerable.Range(0, 3).Select(i => talkdesk.Fake.CreateInstallation($"killed{i}")).ToList();
        talkdesk.Fake.Faults.FailNext(100_000, 503);
        var outageStarted = DateTime.UtcNow;

        var first = await PortalProcess.StartAsync(talkdesk, data);
        using (var http = new HttpClient { BaseAddress = first.BaseUri })
        {
            foreach (var installation in installations)
            {
                var body = talkdesk.Fake.InstalledEvent(installation, talkdesk.ApiRoot).ToJsonString();
                using var response = await http.PostAsync("webhooks/talkdesk", new StringContent(body, Encoding.UTF8, "application/json"));
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            }
        }
        await WaitAsync(() => CountAsync(data, RequestState.Retrying), installations.Count, TimeSpan.FromSeconds(30));
        first.Kill();
        await first.DisposeAsync();

        await using var second = await PortalProcess.StartAsync(talkdesk, data);
        var left = Outage - (DateTime.UtcNow - outageStarted);
        if (left > TimeSpan.Zero) await Task.Delay(left);
        talkdesk.Fake.Faults.Reset();
        var recovered = DateTime.UtcNow;
        await WaitAsync(() => CountAsync(data, RequestState.Completed), installations.Count, TimeSpan.FromSeconds(75));

        Assert.True(DateTime.UtcNow - recovered <= TimeSpan.FromSeconds(60));
        Assert.All(installations, i => Assert.Equal(1, talkdesk.Fake.Decisions.Count(d => d.InstallationId == i.InstallationId)));
    }

    private static async Task<int> CountAsync(string data, RequestState state)
    {
        await using var db = TestDatabase.Open(data);
        return await db.Requests.CountAsync(r => r.State == state);
    }

    private static async Task WaitAsync(Func<Task<int>> count, int expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = 0;
        while (DateTime.UtcNow < deadline)
        {
            if ((last = await count()) == expected) return;
            await Task.Delay(250);
        }
        throw new TimeoutException($"{last} of {expected} after {timeout.TotalSeconds} s");
    }
}
