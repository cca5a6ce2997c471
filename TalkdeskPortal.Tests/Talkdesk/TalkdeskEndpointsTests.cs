using Microsoft.Extensions.Options;
using TalkdeskPortal.Talkdesk;

namespace TalkdeskPortal.Tests.Talkdesk;

public sealed class TalkdeskEndpointsTests
{
    private static readonly Uri Us = new("https://api.talkdeskapp.com/");
    private static readonly Uri Unlisted = new("http://127.0.0.1:5001/api/");

    private static TalkdeskEndpoints Endpoints(string template = "https://{account}.talkdeskid.com/oauth/token") =>
        new(new StaticOptions(new TalkdeskOptions
        {
            AppIds = ["app"],
            TokenUrlTemplate = template,
            RegionDomains = ["talkdeskid.com", "talkdeskid.eu"],
            AllowedApiHosts = ["api.talkdeskapp.com", "127.0.0.1:5001"],
        }));

    [Theory]
    [InlineData("acme", "https://acme.talkdeskid.com/oauth/token")]
    [InlineData("ACME-2", "https://acme-2.talkdeskid.com/oauth/token")]
    public void TokenUrl_IsBuiltFromTheTemplateAndAPlainLabel(string account, string expected) =>
        Assert.Equal(expected, Endpoints().TokenUrlFor(account, Unlisted)?.ToString());

    [Theory]
    [InlineData("evil.example")]
    [InlineData("user@evil")]
    [InlineData("a/../b")]
    [InlineData("-acme")]
    [InlineData("")]
    [InlineData("acme:443")]
    public void TokenUrl_IsRefused_ForAnAccountThatIsNotAPlainLabel(string account) =>
        Assert.Null(Endpoints().TokenUrlFor(account, Us));

    [Fact]
    public void TokenUrl_IsRefused_WhenTheTemplateLeadsOffTheRegionDomains() =>
        Assert.Null(Endpoints("https://{account}.evil.example/oauth/token").TokenUrlFor("acme", Unlisted));

    [Theory]
    [InlineData("https://api.talkdeskapp.com", "https://api.talkdeskapp.com/")]
    [InlineData("https://api.talkdeskapp.com/", "https://api.talkdeskapp.com/")]
    [InlineData("http://127.0.0.1:5001/api", "http://127.0.0.1:5001/api/")]
    public void ApiRoot_IsAccepted_OnlyFromAnAllowedAuthority(string href, string expected) =>
        Assert.Equal(expected, Endpoints().ApiRootFrom(href)?.ToString());

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("https://api.talkdeskapp.com.evil.example")]
    [InlineData("https://user@api.talkdeskapp.com")]
    [InlineData("https://api.talkdeskapp.com:8443")]
    [InlineData("http://api.talkdeskapp.com")]
    [InlineData("http://127.0.0.1:5002/api")]
    [InlineData("https://api.talkdeskapp.com/../x")]
    [InlineData("https://api.talkdeskapp.com/?next=evil")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/relative")]
    public void ApiRoot_IsRefused_ForAnythingElse(string href) => Assert.Null(Endpoints().ApiRootFrom(href));

    [Fact]
    public void Combine_KeepsTheRootsPath() =>
        Assert.Equal("http://127.0.0.1:5001/api/account", TalkdeskEndpoints.Combine(new Uri("http://127.0.0.1:5001/api/"), "account").ToString());

    private sealed class StaticOptions(TalkdeskOptions value) : IOptionsMonitor<TalkdeskOptions>
    {
        public TalkdeskOptions CurrentValue => value;
        public TalkdeskOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<TalkdeskOptions, string?> listener) => null;
    }
}
