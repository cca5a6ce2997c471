using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Staff;
using TalkdeskPortal.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TalkdeskPortal.Tests.Browser;

public sealed class ApprovalInBrowserTests(BrowserFixture browser) : BrowserTestBase(browser)
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["Approval:Install"] = "Manual";

    [Fact]
    public async Task Approver_ApprovesAHeldInstall_TalkdeskReceivesIt_AndTheRowMoves()
    {
        var installation = Talkdesk.Fake.CreateInstallation("heldinbrowser");
        var evt = Talkdesk.Fake.InstalledEvent(installation, Talkdesk.ApiRoot);
        await Portal.PostEventAsync(evt);
        var held = await Portal.WaitForStateAsync(PortalApp.EventId(evt), RequestState.AwaitingApproval);

        await SignInAsync(AdminEmail);
        await OpenAsync("/queue");
        var row = Page.Locator("tr", new() { HasText = "heldinbrowser" });
        await Expect(row).ToContainTextAsync("Awaiting approval");

        await row.Locator("[data-test=queue-row-link]").ClickAsync();
        await Expect(Page.Locator("[data-test=waiting-reason]")).ToContainTextAsync("wait for staff");
        var html = await Page.ContentAsync();
        Assert.Contains("[redacted]", html);
        Assert.DoesNotContain(installation.Credentials.ClientSecret, html);
        Assert.DoesNotContain(installation.Credentials.PrivateKey[..32], html);
        await Page.ClickAsync("[data-test=approve]");
        await Page.ClickAsync("[data-test=confirm-approve]");
        await Expect(Page.Locator(".mud-chip", new() { HasText = "Completed" }).First).ToBeVisibleAsync();
        var decision = Assert.Single(Talkdesk.Fake.Decisions);
        Assert.Equal(installation.InstallationId, decision.InstallationId);
        Assert.Equal("approve", decision.State);
        Assert.Equal(AdminEmail, (await Portal.WaitForStateAsync(held.EventId, RequestState.Completed)).DecidedBy);
    }

    [Fact]
    public async Task Viewer_SeesNoApproveButton_AndADirectPostIsForbidden()
    {
        var evt = Talkdesk.Fake.InstalledEvent(Talkdesk.Fake.CreateInstallation("viewable"), Talkdesk.ApiRoot);
        await Portal.PostEventAsync(evt);
        var held = await Portal.WaitForStateAsync(PortalApp.EventId(evt), RequestState.AwaitingApproval);
        await AddStaffAsync("viewer@test.example", StaffRoles.Viewer);

        await SignInAsync("viewer@test.example");
        await OpenAsync($"/requests/{held.Id}");

        await Expect(Page.Locator("[data-test=waiting-reason]")).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-test=approve]")).ToHaveCountAsync(0);
        var response = await Page.APIRequest.PostAsync($"{BaseUrl}/requests/{held.Id}/approve");
        Assert.Equal(403, response.Status);
        Assert.Equal(RequestState.AwaitingApproval, (await Portal.WaitForRequestAsync(held.EventId, _ => true)).State);
        Assert.Empty(Talkdesk.Fake.Decisions);
    }

    [Fact]
    public async Task Hangfire_RefusesANonAdmin_AndOpensForAnAdmin()
    {
        await AddStaffAsync("approver@test.example", StaffRoles.Approver);
        await SignInAsync("approver@test.example");
        var refused = await Page.GotoAsync($"{BaseUrl}/hangfire");
        Assert.Matches(new Regex("/account/denied"), Page.Url);
        Assert.DoesNotContain("Hangfire Dashboard", await Page.ContentAsync());

        await Context.ClearCookiesAsync();
        await SignInAsync(AdminEmail);
        var opened = await Page.GotoAsync($"{BaseUrl}/hangfire");
        Assert.Equal(200, opened!.Status);
        Assert.Contains("/hangfire", Page.Url);
        Assert.Contains("Recurring", await Page.ContentAsync());
    }

    [Fact]
    public async Task OpenQueue_ShowsANewEvent_WithinTwoSeconds_WithoutAReload()
    {
        await SignInAsync(AdminEmail);
        await OpenAsync("/queue");
        await Expect(Page.Locator("text=Nothing here")).ToBeVisibleAsync();

        await Portal.PostEventAsync(Talkdesk.Fake.InstalledEvent(Talkdesk.Fake.CreateInstallation("liveone"), Talkdesk.ApiRoot));

        await Expect(Page.Locator("tr", new() { HasText = "liveone" })).ToBeVisibleAsync(new() { Timeout = 10_000 }); // no navigation: the live update brought it
    }
}
