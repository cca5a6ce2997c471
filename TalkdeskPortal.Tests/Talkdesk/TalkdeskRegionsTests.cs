using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TalkdeskPortal.Talkdesk;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Talkdesk;

public sealed class TalkdeskRegionsTests
{
    private static TalkdeskEndpoints Endpoints(string[]? regionDomains = null, params TalkdeskRegion[] regions) =>
        new(new StaticOptions(new TalkdeskOptions
        {
            AppIds = ["app"],
            TokenUrlTemplate = "https://{account}.fallback.example/oauth/token",
            RegionDomains = regionDomains ?? ["fallback.example"],
            AllowedApiHosts = ["api.talkdeskapp.com"],
            Regions = [.. regions],
        }));

    private static TalkdeskRegion Region(string apiHost, string template) => new() { ApiHost = apiHost, TokenUrlTemplate = template };

    [Theory]
    [InlineData("https://api.talkdeskapp.com/", "https://acme.talkdeskid.com/oauth/token")]
    [InlineData("https://api.talkdeskapp.eu/", "https://acme.talkdeskid.eu/oauth/token")]
    [InlineData("https://api.talkdeskappca.com/", "https://acme.talkdeskidca.com/oauth/token")]
    [InlineData("https://API.TalkdeskApp.EU:443/", "https://acme.talkdeskid.eu/oauth/token")]
    public void EventsRoot_PicksItsRegionsTokenUrl(string apiRoot, string expected) =>
        // RegionDomains lists none of Talkdesk's token domains: the built-in regions' domains are allowed anyway.
        Assert.Equal(expected, Endpoints().TokenUrlFor("ACME", new Uri(apiRoot))?.ToString());

    [Theory]
    [InlineData("https://api.talkdeskapp.au/")]
    [InlineData("https://api.talkdeskapp.com:8443/")]
    [InlineData("http://127.0.0.1:5001/api/")]
    public void UnlistedRoot_FallsBackToTokenUrlTemplate(string apiRoot) =>
        Assert.Equal("https://acme.fallback.example/oauth/token", Endpoints().TokenUrlFor("acme", new Uri(apiRoot))?.ToString());

    [Fact]
    public void UnlistedRoot_IsRefused_WhenTheFallbackLeadsOffTheAllowedDomains() =>
        Assert.Null(Endpoints(regionDomains: ["elsewhere.example"]).TokenUrlFor("acme", new Uri("https://api.talkdeskapp.au/")));

    [Fact]
    public void ConfiguredRegion_WinsOverTheBuiltInOne_ForItsHostOnly()
    {
        var endpoints = Endpoints(null, Region("api.talkdeskapp.eu", "https://{account}.eu-proxy.example/oauth/token"));

        Assert.Equal("https://acme.eu-proxy.example/oauth/token", endpoints.TokenUrlFor("acme", new Uri("https://api.talkdeskapp.eu/"))?.ToString());
        Assert.Equal("https://acme.talkdeskid.com/oauth/token", endpoints.TokenUrlFor("acme", new Uri("https://api.talkdeskapp.com/"))?.ToString());
    }

    [Fact]
    public void ConfiguredRegion_OnALoopbackPort_MatchesOnlyThatPort()
    {
        var endpoints = Endpoints(null, Region("127.0.0.1:5002", "http://127.0.0.1:5002/sandbox/{account}/oauth/token"));

        Assert.Equal("http://127.0.0.1:5002/sandbox/acme/oauth/token", endpoints.TokenUrlFor("acme", new Uri("http://127.0.0.1:5002/sandbox/api/"))?.ToString());
        Assert.Equal("https://acme.fallback.example/oauth/token", endpoints.TokenUrlFor("acme", new Uri("http://127.0.0.1:5003/sandbox/api/"))?.ToString());
    }

    [Fact]
    public void ConfiguredRegion_WithAPort_MatchesARootOnTheDefaultPort() =>
        Assert.Equal("https://acme.eu-proxy.example/oauth/token",
            Endpoints(null, Region("api.talkdeskapp.eu:443", "https://{account}.eu-proxy.example/oauth/token"))
                .TokenUrlFor("acme", new Uri("https://api.talkdeskapp.eu/"))?.ToString());

    [Theory]
    [InlineData("https://user@{account}.eu-proxy.example/oauth/token")]
    [InlineData("http://{account}.eu-proxy.example/oauth/token")]
    [InlineData("ftp://{account}.eu-proxy.example/oauth/token")]
    [InlineData("not a url {account}")]
    public void ConfiguredRegion_KeepsTheSafetyChecks(string template) =>
        Assert.Null(Endpoints(null, Region("api.talkdeskapp.eu", template)).TokenUrlFor("acme", new Uri("https://api.talkdeskapp.eu/")));

    [Theory]
    [InlineData("evil.example")]
    [InlineData("user@evil")]
    [InlineData("acme:443")]
    public void EveryRegion_RefusesAnAccountThatIsNotAPlainLabel(string account) =>
        Assert.Null(Endpoints().TokenUrlFor(account, new Uri("https://api.talkdeskapp.eu/")));

    [Fact]
    public void RegionAtIndexOne_Binds_WithoutIndexZero()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Talkdesk:AppIds:0"] = "app",
            ["Talkdesk:RegionDomains:0"] = "talkdeskid.com",
            ["Talkdesk:AllowedApiHosts:0"] = "127.0.0.1:5002",
            ["Talkdesk:Regions:1:ApiHost"] = "127.0.0.1:5002",
            ["Talkdesk:Regions:1:TokenUrlTemplate"] = "http://127.0.0.1:5002/sandbox/{account}/oauth/token",
        };
        using var app = TalkdeskServices.Build(settings);

        var options = app.GetRequiredService<IOptions<TalkdeskOptions>>().Value;
        var endpoints = app.GetRequiredService<TalkdeskEndpoints>();

        Assert.Equal("127.0.0.1:5002", Assert.Single(options.Regions).ApiHost);
        Assert.Equal("http://127.0.0.1:5002/sandbox/acme/oauth/token",
            endpoints.TokenUrlFor("acme", new Uri("http://127.0.0.1:5002/sandbox/api/"))?.ToString());
        Assert.Equal("https://acme.talkdeskid.eu/oauth/token", endpoints.TokenUrlFor("acme", new Uri("https://api.talkdeskapp.eu/"))?.ToString());
    }

    [Fact]
    public void HalfConfiguredRegion_FailsValidation()
    {
        using var app = TalkdeskServices.Build(new()
        {
            ["Talkdesk:AppIds:0"] = "app",
            ["Talkdesk:RegionDomains:0"] = "talkdeskid.com",
            ["Talkdesk:AllowedApiHosts:0"] = "api.talkdeskapp.com",
            ["Talkdesk:Regions:0:ApiHost"] = "api.talkdeskapp.eu",
        });

        var error = Assert.Throws<OptionsValidationException>(() => app.GetRequiredService<IOptions<TalkdeskOptions>>().Value);
        Assert.Contains("Talkdesk:Regions", error.Message);
    }

    private sealed class StaticOptions(TalkdeskOptions value) : IOptionsMonitor<TalkdeskOptions>
    {
        public TalkdeskOptions CurrentValue => value;
        public TalkdeskOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<TalkdeskOptions, string?> listener) => null;
    }
}
