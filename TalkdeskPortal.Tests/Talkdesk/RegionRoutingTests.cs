using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Talkdesk;

/// <summary>
/// Two fake Talkdesks on two ports: the portal's fallback template points at the first ("US"), a configured
/// region at the second ("EU"). An event whose _links.root is the EU host must get its token there.
/// </summary>
public sealed class RegionRoutingTests : PortalTestBase
{
    private FakeTalkdeskHost _eu = null!;

    public override async Task InitializeAsync()
    {
        _eu = await FakeTalkdeskHost.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _eu.DisposeAsync();
    }

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Talkdesk:AllowedApiHosts:1"] = _eu.ApiRoot.Authority;
        // Index 1 without index 0, as an operator adding one region by environment variable would.
        settings["Talkdesk:Regions:1:ApiHost"] = _eu.ApiRoot.Authority;
        settings["Talkdesk:Regions:1:TokenUrlTemplate"] = _eu.TokenUrlTemplate;
    }

    [Fact]
    public async Task EventFromTheEuRoot_GetsItsTokenFromTheEuTokenEndpoint()
    {
        var installation = _eu.Fake.CreateInstallation("eurocorp");
        var evt = _eu.Fake.InstalledEvent(installation, _eu.ApiRoot);

        var request = await DeliverAsync(evt, RequestState.Completed);

        Assert.Equal(RequestState.Completed, request.State);
        Assert.Contains(_eu.Fake.Calls, c => c.Method == "POST" && c.Path.EndsWith("/eurocorp/oauth/token") && c.Status == 200);
        Assert.Contains(_eu.Fake.TokenGrants, g => g.ClientId == installation.Credentials.ClientId);
        Assert.Equal("completed", installation.State);
        Assert.DoesNotContain(Fake.Calls, c => c.Path.EndsWith("/oauth/token"));
        Assert.Empty(Fake.TokenGrants);
        Assert.Empty(Fake.Calls);
    }

    [Fact]
    public async Task EventFromTheUsRoot_StillUsesTheFallbackTemplate()
    {
        await InstallAsync("uscorp");

        Assert.NotEmpty(Fake.TokenGrants);
        Assert.Empty(_eu.Fake.Calls);
    }
}
