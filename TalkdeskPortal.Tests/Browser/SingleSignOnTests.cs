using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TalkdeskPortal.Tests.Browser;

/// <summary>OpenID Connect sign-in against a fake provider, in the browser, with the role mapping of the settings.</summary>
public sealed class SingleSignOnTests(BrowserFixture browser) : BrowserTestBase(browser)
{
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
        settings["Approval:Install"] = "Manual";
        settings["Staff:Oidc:Enabled"] = "true";
        settings["Staff:Oidc:Authority"] = _provider.Authority;
        settings["Staff:Oidc:RequireHttpsMetadata"] = "false";
        settings["Staff:Oidc:ClientId"] = FakeOidcProvider.ClientId;
        settings["Staff:Oidc:ClientSecret"] = FakeOidcProvider.ClientSecret;
        settings["Staff:Oidc:DisplayName"] = "Partner SSO";
        settings["Staff:Oidc:RoleClaim"] = "groups";
        settings["Staff:Oidc:RoleMap:td-approvers"] = "Approver";
    }

    [Fact]
    public async Task MappedGroup_SignsIn_AsApprover_AndDecidesUnderTheirEmail()
    {
        var evt = Talkdesk.Fake.InstalledEvent(Talkdesk.Fake.CreateInstallation("ssoheld"), Talkdesk.ApiRoot);
        await Portal.PostEventAsync(evt);
        var held = await Portal.WaitForStateAsync(PortalApp.EventId(evt), RequestState.AwaitingApproval);
        _provider.User = new() { ["email"] = "jo@partner.example", ["name"] = "Jo Example", ["groups"] = new[] { "everyone", "td-approvers" } };

        await Page.GotoAsync($"{BaseUrl}/requests/{held.Id}");
        await Page.ClickAsync("[data-test=sso-sign-in]");
        await Page.WaitForURLAsync($"**/requests/{held.Id}", new() { WaitUntil = WaitUntilState.Commit, Timeout = 30_000 });
        await WaitForInteractivityAsync();
        await Expect(Page.Locator("[data-test=signed-in-as]")).ToHaveTextAsync("jo@partner.example");
        Assert.Equal(1, _provider.TokensIssued);

        await Page.ClickAsync("[data-test=approve]");
        await Page.ClickAsync("[data-test=confirm-approve]");
        Assert.Equal("jo@partner.example", (await Portal.WaitForStateAsync(held.EventId, RequestState.Completed)).DecidedBy);

        await Page.GotoAsync($"{BaseUrl}/hangfire"); // Admin only: the group maps to Approver
        Assert.Matches(new Regex("/account/denied"), Page.Url);
    }

    [Fact]
    public async Task NoMappedGroup_IsTurnedAway_WithAMessage_AndNotSignedIn()
    {
        // A group that happens to be named like a role grants nothing without a RoleMap entry.
        _provider.User = new() { ["email"] = "visitor@partner.example", ["groups"] = new[] { "everyone", "Administrators", "Admin", "Approver" } };

        await Page.GotoAsync($"{BaseUrl}/account/login");
        await Page.ClickAsync("[data-test=sso-sign-in]");

        // Commit, not Load: the redirect chain (portal → provider → callback → login) is what is under test.
        await Page.WaitForURLAsync("**/account/login?error=sso", new() { WaitUntil = WaitUntilState.Commit, Timeout = 30_000 });
        await Expect(Page.Locator("[data-test=login-error]")).ToContainTextAsync("no portal role", new() { Timeout = 15_000 });
        await Page.GotoAsync($"{BaseUrl}/queue");
        Assert.Contains("/account/login", Page.Url);
    }
}
