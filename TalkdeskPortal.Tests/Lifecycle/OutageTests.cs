using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Lifecycle;

public sealed class OutageTests : PortalTestBase
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Talkdesk:Http:AttemptTimeout"] = "00:00:01";
        settings["Talkdesk:Http:MaxRetryAttempts"] = "8";
    }

    [Fact]
    public async Task TalkdeskDownThenThrottlingThenHanging_ThenBack_EveryRequestCompletes_NoneFails()
    {
        var installations = Enumerable.Range(0, 5).Select(i => Fake.CreateInstallation($"outage{i}")).ToList();
        Fake.Faults.FailNext(6, 503);                              // down for a while
        Fake.Faults.FailNext(2, 429, TimeSpan.FromSeconds(1));     // then throttled
        Fake.Faults.HangNext(2);                                   // then hanging past the client timeout

        var events = installations.Select(i => Fake.InstalledEvent(i, Talkdesk.ApiRoot)).ToList();
        foreach (var evt in events) await Portal.PostEventAsync(evt);
        foreach (var evt in events) await Portal.WaitForRequestAsync(PortalApp.EventId(evt), r => r.State.IsFinal() || r.State == RequestState.Failed, 60_000);

        await using var db = Portal.Db();
        Assert.All(await db.Requests.Select(r => r.State).ToListAsync(), s => Assert.Equal(RequestState.Completed, s));
        Assert.Equal(6, Fake.Calls.Count(c => c.Status == 503));
        Assert.Equal(2, Fake.Calls.Count(c => c.Status == 429));
        Assert.Equal(2, Fake.Calls.Count(c => c.Status == 499));
        Assert.All(installations, i => Assert.Equal(1, DecisionsFor(i)));
        Assert.False(await db.Audit.AnyAsync(a => a.Action == "request.failed"));
    }

    [Fact]
    public async Task RetryAfter_IsHonoured_BeforeTheNextAttempt()
    {
        var installation = Fake.CreateInstallation("throttled");
        Fake.Faults.FailNext(1, 429, TimeSpan.FromSeconds(2));

        await DeliverAsync(Fake.InstalledEvent(installation, Talkdesk.ApiRoot), RequestState.Completed);

        var throttled = Fake.Calls.Single(c => c.Status == 429);
        var next = Fake.Calls.Where(c => c.At > throttled.At).OrderBy(c => c.At).First();
        Assert.True(next.At - throttled.At >= TimeSpan.FromMilliseconds(1900), $"retried after {(next.At - throttled.At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task TokenEndpointThrottling_HonoursRetryAfter_BeforeTheNextTokenRequest()
    {
        var installation = Fake.CreateInstallation("tokenthrottled");
        Fake.Faults.FailTokensNext(1, 429, TimeSpan.FromSeconds(2));

        await DeliverAsync(Fake.InstalledEvent(installation, Talkdesk.ApiRoot), RequestState.Completed);

        var tokenCalls = Fake.Calls.Where(c => c.Path.EndsWith("/oauth/token", StringComparison.Ordinal)).OrderBy(c => c.At).ToList();
        var throttled = tokenCalls.First(c => c.Status == 429);
        var next = tokenCalls.First(c => c.At > throttled.At);
        Assert.True(next.At - throttled.At >= TimeSpan.FromMilliseconds(1900), $"token asked again after {(next.At - throttled.At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task TokenEndpointThrottlingForAnHour_GoesToTheDurableSchedule_NotRetriedInTheCall()
    {
        var installation = Fake.CreateInstallation("tokenhour");
        Fake.Faults.FailTokensNext(1, 429, TimeSpan.FromHours(1));
        var before = DateTimeOffset.UtcNow;

        var retrying = await DeliverAsync(Fake.InstalledEvent(installation, Talkdesk.ApiRoot), RequestState.Retrying);

        Assert.True(retrying.NextAttemptAt >= before + TimeSpan.FromMinutes(59), $"next attempt at {retrying.NextAttemptAt:O}, asked at {before:O}");
        await Task.Delay(1_500); // an in-call retry would have come after 1 s
        Assert.Single(Fake.Calls, c => c.Path.EndsWith("/oauth/token", StringComparison.Ordinal));
    }
}
