using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Lifecycle;

public sealed class RedeliveryTests : PortalTestBase
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    protected override TimeProvider? Time => _time;

    [Fact]
    public async Task TalkdeskRetriesAtFiveAndTenMinutes_AfterWeApproved_StillOneRequestAndOneApprove()
    {
        var installation = Fake.CreateInstallation("redelivered");
        var evt = Fake.InstalledEvent(installation, Talkdesk.ApiRoot);

        Assert.Equal(HttpStatusCode.Accepted, (await Portal.PostEventAsync(evt)).StatusCode);
        await Portal.WaitForStateAsync(PortalApp.EventId(evt), RequestState.Completed);
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.Accepted, (await Portal.PostEventAsync(evt)).StatusCode);
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.Accepted, (await Portal.PostEventAsync(evt)).StatusCode);
        await Task.Delay(300);

        await using var db = Portal.Db();
        Assert.Equal(1, await db.Requests.CountAsync());
        var deliveries = await db.Deliveries.AsNoTracking().OrderBy(d => d.Id).Select(d => d.ReceivedAt).ToListAsync();
        Assert.Equal(3, deliveries.Count);
        Assert.InRange((deliveries[1] - deliveries[0]).TotalSeconds, 299, 301);
        Assert.InRange((deliveries[2] - deliveries[1]).TotalSeconds, 299, 301);
        Assert.Equal(3, (await db.Events.SingleAsync()).DeliveryCount);
        Assert.Equal(1, DecisionsFor(installation));
    }
}
