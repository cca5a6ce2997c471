using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Sandbox;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Lifecycle;

[Collection(PortalCollection.Name)]
public sealed class CrashTests
{
    [Fact]
    public async Task KilledMidBurst_EveryAcknowledgedEventEndsApproved_AndTalkdeskHearsEachApproveOnce()
    {
        await using var talkdesk = await FakeTalkdeskHost.StartAsync();
        talkdesk.Fake.Faults.Latency = TimeSpan.FromMilliseconds(15); // keep work in flight when the kill lands
        var data = TestData.NewDirectory();
        var installations = Enumerable.Range(0, 80).Select(i => talkdesk.Fake.CreateInstallation($"crash{i:D2}")).ToList();
        var events = installations.Select(i => (Installation: i, Body: talkdesk.Fake.InstalledEvent(i, talkdesk.ApiRoot).ToJsonString())).ToList();
        var acknowledged = new ConcurrentBag<FakeInstallation>();

        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = await PortalProcess.StartAsync(talkdesk, data);
        using (var http = new HttpClient { BaseAddress = first.BaseUri, Timeout = TimeSpan.FromSeconds(10) })
        {
            var sending = Task.WhenAll(events.Select(async (e, n) =>
            {
                await Task.Delay(n * 25); // spread over 2 s, so the kill lands mid-burst even on a slow machine
                if (n >= 60) await killed.Task; // the last 20 always go to a dead portal, however fast the first 60 were
                try
                {
                    using var response = await http.PostAsync("webhooks/talkdesk", new StringContent(e.Body, Encoding.UTF8, "application/json"));
                    if (response.StatusCode == HttpStatusCode.Accepted) acknowledged.Add(e.Installation);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException) { }
            }));
            while (acknowledged.Count < 30) await Task.Delay(5);
            first.Kill();
            killed.SetResult();
            await sending;
        }
        await first.DisposeAsync();
        var decisionsAtKill = talkdesk.Fake.Decisions.Count;
        Assert.InRange(acknowledged.Count, 30, 79); // the kill landed mid-burst

        await using var second = await PortalProcess.StartAsync(talkdesk, data);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var ids = acknowledged.Select(i => i.InstallationId).ToHashSet();
        while (DateTime.UtcNow < deadline)
        {
            await using var db = TestDatabase.Open(data);
            var done = await db.Requests.CountAsync(r => ids.Contains(r.InstallationId) && r.State == RequestState.Completed);
            if (done == ids.Count) break;
            await Task.Delay(200);
        }

        await using (var db = TestDatabase.Open(data))
        {
            var states = await db.Requests.Where(r => ids.Contains(r.InstallationId)).Select(r => r.State).ToListAsync();
            Assert.Equal(ids.Count, states.Count);
            Assert.All(states, s => Assert.Equal(RequestState.Completed, s));
        }
        foreach (var installation in installations)
        {
            var approves = talkdesk.Fake.Decisions.Count(d => d.InstallationId == installation.InstallationId);
            if (ids.Contains(installation.InstallationId)) Assert.Equal(1, approves);
            else Assert.InRange(approves, 0, 1);
        }
        Assert.True(talkdesk.Fake.Decisions.Count >= decisionsAtKill);
    }
}
