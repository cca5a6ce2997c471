using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Sandbox;
using TalkdeskPortal.Tenants;

namespace TalkdeskPortal.Tests.Support;

/// <summary>A fake Talkdesk plus a portal pointed at it; both torn down after each test.</summary>
[Collection(PortalCollection.Name)]
public abstract class PortalTestBase : IAsyncLifetime
{
    protected FakeTalkdeskHost Talkdesk { get; private set; } = null!;
    protected PortalApp Portal { get; set; } = null!;
    protected FakeTalkdesk Fake => Talkdesk.Fake;

    protected virtual void Configure(Dictionary<string, string?> settings) { }

    protected virtual TimeProvider? Time => null;

    public virtual async Task InitializeAsync()
    {
        Talkdesk = await FakeTalkdeskHost.StartAsync(Time); // one clock for both sides, as in production
        Portal = PortalApp.Start(Talkdesk, Configure, time: Time);
    }

    public virtual async Task DisposeAsync()
    {
        await Portal.DisposeAsync();
        await Talkdesk.DisposeAsync();
    }

    protected async Task<LifecycleRequest> DeliverAsync(JsonObject evt, RequestState until)
    {
        var response = await Portal.PostEventAsync(evt);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await Portal.WaitForStateAsync(PortalApp.EventId(evt), until);
    }

    protected async Task<FakeInstallation> InstallAsync(string account = "acme", int users = 3)
    {
        var installation = Fake.CreateInstallation(account, users);
        await DeliverAsync(Fake.InstalledEvent(installation, Talkdesk.ApiRoot), RequestState.Completed);
        return installation;
    }

    protected async Task<Tenant> TenantAsync(string accountId)
    {
        await using var db = Portal.Db();
        return await db.Tenants.AsNoTracking().Include(t => t.Users).Include(t => t.Settings).Include(t => t.Checklist)
            .SingleAsync(t => t.TalkdeskAccountId == accountId);
    }

    protected int DecisionsFor(FakeInstallation installation, string state = "approve") =>
        Fake.Decisions.Count(d => d.InstallationId == installation.InstallationId && d.State == state);
}
