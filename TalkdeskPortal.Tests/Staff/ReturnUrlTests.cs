using System.Net;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TalkdeskPortal.Staff;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Staff;

/// <summary>After sign-in the portal goes where the link said only if that is a path on this site.</summary>
public sealed class ReturnUrlTests : PortalTestBase
{
    // Raw query text, as it would sit in a link someone was sent. Only "/x" is a path on this site.
    private static readonly string[] Corpus =
        ["//x", "/\\x", "/%09/x", "/%5Cx", "/%5C/x", "https:x", "http://evil.example", "%2F%2Fx", "/%2F/x", "%20/x", "~/x", "/x"];

    private FakeOidcProvider _provider = null!;

    public override async Task InitializeAsync()
    {
        _provider = await FakeOidcProvider.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _provider.DisposeAsync();
    }

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Staff:BootstrapAdminEmail"] = StaffHttp.AdminEmail;
        settings["Staff:BootstrapAdminPassword"] = StaffHttp.Password;
        settings["Staff:Oidc:Enabled"] = "true";
        settings["Staff:Oidc:Authority"] = _provider.Authority;
        settings["Staff:Oidc:RequireHttpsMetadata"] = "false";
        settings["Staff:Oidc:ClientId"] = FakeOidcProvider.ClientId;
        settings["Staff:Oidc:ClientSecret"] = FakeOidcProvider.ClientSecret;
    }

    [Theory]
    [InlineData("/", "/")]
    [InlineData("/x", "/x")]
    [InlineData("/queue?state=Failed", "/queue?state=Failed")]
    [InlineData("//x", "/")]
    [InlineData("/\\x", "/")]
    [InlineData("/\t/x", "/")]
    [InlineData("/\r\n/x", "/")]
    [InlineData("https:x", "/")]
    [InlineData("http://evil.example", "/")]
    [InlineData(" /x", "/")]
    [InlineData("~/x", "/")]
    [InlineData("", "/")]
    [InlineData(null, "/")]
    public void SafeReturn_KeepsOnlyPathsOnThisSite(string? returnUrl, string expected) =>
        Assert.Equal(expected, AccountEndpoints.SafeReturn(returnUrl));

    [Fact]
    public async Task PasswordSignIn_SendsEveryNonLocalReturnUrl_ToTheOverview()
    {
        var wrong = new List<string>();
        foreach (var raw in Corpus)
        {
            using var staff = StaffHttp.Anonymous(Portal);
            using var response = await staff.PostLoginAsync($"/account/login?returnUrl={raw}");
            Assert.Equal(HttpStatusCode.Found, response.StatusCode);
            var target = new Uri(Portal.Http.BaseAddress!, response.Headers.Location!);
            if (!Lands(raw, target)) wrong.Add($"{raw} -> {response.Headers.Location}");
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task SingleSignOn_CarriesOnlyALocalReturnUrl_ThroughTheProvider()
    {
        var oidc = Portal.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);
        var wrong = new List<string>();
        foreach (var raw in Corpus)
        {
            using var staff = StaffHttp.Anonymous(Portal);
            using var response = await staff.Client.GetAsync($"/account/sso?returnUrl={raw}");
            Assert.Equal(HttpStatusCode.Found, response.StatusCode);
            var state = QueryHelpers.ParseQuery(response.Headers.Location!.Query)["state"].ToString();
            var redirect = oidc.StateDataFormat.Unprotect(state)!.RedirectUri!;
            if (!Lands(raw, new Uri(Portal.Http.BaseAddress!, redirect))) wrong.Add($"{raw} -> {redirect}");
        }
        Assert.Empty(wrong);
    }

    private bool Lands(string raw, Uri target) =>
        target.Authority == Portal.Http.BaseAddress!.Authority && target.PathAndQuery == (raw == "/x" ? "/x" : "/");
}
