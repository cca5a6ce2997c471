using System.Net;
using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Lifecycle;

public sealed class DeliveryTests : PortalTestBase
{
    [Fact]
    public async Task SameEventDeliveredThreeTimes_IsProcessedOnce()
    {
        var installation = Fake.CreateInstallation("retrying");
        var evt = Fake.InstalledEvent(installation, Talkdesk.ApiRoot);

        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Accepted, (await Portal.PostEventAsync(evt)).StatusCode);
        await Portal.WaitForStateAsync(PortalApp.EventId(evt), RequestState.Completed);
        Assert.Equal(HttpStatusCode.Accepted, (await Portal.PostEventAsync(evt)).StatusCode); // after approval too
        await Task.Delay(300);

        await using var db = Portal.Db();
        var stored = await db.Events.Include(e => e.Deliveries).SingleAsync();
        Assert.Equal(4, stored.DeliveryCount);
        Assert.Equal(4, stored.Deliveries.Count);
        Assert.Equal(1, await db.Requests.CountAsync());
        Assert.Equal(1, DecisionsFor(installation));
    }

    [Fact]
    public async Task ConcurrentDuplicates_StillMakeOneRequest()
    {
        var installation = Fake.CreateInstallation("racing");
        var evt = Fake.InstalledEvent(installation, Talkdesk.ApiRoot);

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Portal.PostEventAsync(evt)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        await Portal.WaitForStateAsync(PortalApp.EventId(evt), RequestState.Completed);
        await using var db = Portal.Db();
        Assert.Equal(1, await db.Requests.CountAsync());
        Assert.Equal(5, (await db.Events.SingleAsync()).DeliveryCount);
        Assert.Equal(1, DecisionsFor(installation));
    }

    [Fact]
    public async Task UnhandledEventType_IsAcceptedAndRecordedAsIgnored()
    {
        var installation = Fake.CreateInstallation("logout");
        var evt = Fake.InstalledEvent(installation, Talkdesk.ApiRoot);
        evt["type"] = "user.logout";

        var response = await Portal.PostEventAsync(evt);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains("ignored", await response.Content.ReadAsStringAsync());
        await using var db = Portal.Db();
        Assert.True((await db.Events.SingleAsync()).Ignored);
        Assert.False(await db.Requests.AnyAsync());
    }
}
