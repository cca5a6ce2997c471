using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Sandbox;
using TalkdeskPortal.Tenants;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Lifecycle;

public sealed class OutOfOrderTests : PortalTestBase
{
    [Fact]
    public async Task FiftyInstallations_WithEventsDeliveredConcurrentlyAndOutOfOrder_EachEndsAsItsLastEventSays()
    {
        var start = DateTimeOffset.UtcNow.AddMinutes(-5);
        var deliveries = new List<JsonObject>();
        var installations = new List<FakeInstallation>();
        for (var i = 0; i < 50; i++)
        {
            var installation = Fake.CreateInstallation($"shuffle{i:D2}", userCount: 2);
            installations.Add(installation);
            var joining = Fake.AddUser(installation);
            var events = new[]
            {
                Fake.InstalledEvent(installation, Talkdesk.ApiRoot),
                Fake.UpdatedEvent(installation, Talkdesk.ApiRoot, [joining.Id], null, "Paid", 8),
                Fake.UninstalledEvent(installation, Talkdesk.ApiRoot),
            };
            // Distinct creation times in the order Talkdesk made them.
            for (var n = 0; n < events.Length; n++) events[n]["created_at"] = start.AddSeconds(i * 3 + n).ToString("O");
            deliveries.AddRange(events);
        }
        var shuffled = deliveries.OrderBy(_ => Random.Shared.Next()).ToList();

        var responses = await Task.WhenAll(shuffled.Select(e => Portal.PostEventAsync(e)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        foreach (var evt in deliveries)
            await Portal.WaitForRequestAsync(PortalApp.EventId(evt), r => r.State.IsFinal(), timeoutMs: 60_000);

        await using var db = Portal.Db();
        var tenants = await db.Tenants.AsNoTracking().ToListAsync();
        Assert.Equal(50, tenants.Count);
        Assert.All(tenants, t => Assert.Equal(TenantStatus.Uninstalled, t.Status));
        var states = await db.Requests.AsNoTracking().Select(r => r.State).ToListAsync();
        Assert.Equal(150, states.Count);
        Assert.DoesNotContain(states, s => s is RequestState.Failed or RequestState.Refused);
        foreach (var installation in installations)
        {
            // One decision per request at most: install and uninstall always, the update unless superseded.
            var decisions = Fake.Decisions.Count(d => d.InstallationId == installation.InstallationId);
            Assert.InRange(decisions, 2, 3);
        }
        Assert.Equal(await db.Requests.CountAsync(r => r.State == RequestState.Completed), Fake.Decisions.Count);
    }
}
