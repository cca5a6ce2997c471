using System.Net;
using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Webhooks;

public sealed class RateLimitTests : PortalTestBase
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Webhooks:RateLimit:PermitLimit"] = "3";
        settings["Webhooks:RateLimit:Window"] = "00:10:00";
        settings["Webhooks:RateLimit:SegmentsPerWindow"] = "1";
    }

    [Fact]
    public async Task AFloodFromOneAddress_Gets429WithRetryAfter_OverTheLimit_AndNothingOverItIsStored()
    {
        var events = Enumerable.Range(0, 5).Select(i => Fake.InstalledEvent(Fake.CreateInstallation($"flood{i}"), Talkdesk.ApiRoot)).ToList();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        foreach (var evt in events)
        {
            var response = await Portal.PostEventAsync(evt);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused ??= response;
        }

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted,
            HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("application/problem+json", refused!.Content.Headers.ContentType?.MediaType);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        await using var db = Portal.Db();
        var stored = await db.Events.Select(e => e.Id).ToListAsync();
        Assert.Equal(events.Take(3).Select(PortalApp.EventId).Order(), stored.Order());
    }

    [Fact]
    public async Task RefusedDeliveries_CountAgainstTheLimit_Too()
    {
        for (var i = 0; i < 3; i++) await Portal.PostRawAsync("not json");

        var response = await Portal.PostEventAsync(Fake.InstalledEvent(Fake.CreateInstallation("late"), Talkdesk.ApiRoot));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        await using var db = Portal.Db();
        Assert.Equal(0, await db.Events.CountAsync());
    }
}

public sealed class RateLimitOffTests : PortalTestBase
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Webhooks:RateLimit:Enabled"] = "false";
        settings["Webhooks:RateLimit:PermitLimit"] = "1";
    }

    [Fact]
    public async Task WithTheLimitDisabled_EveryDeliveryIsHeard()
    {
        for (var i = 0; i < 4; i++)
        {
            var response = await Portal.PostRawAsync("not json");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }
}
