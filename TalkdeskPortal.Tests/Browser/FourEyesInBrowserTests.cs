using Microsoft.Playwright;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Staff;
using TalkdeskPortal.Tests.Staff;
using TalkdeskPortal.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TalkdeskPortal.Tests.Browser;

/// <summary>Approval:RequireTwoApprovers in a real browser: two Approvers, one approve reaches Talkdesk.</summary>
public sealed class FourEyesInBrowserTests(BrowserFixture browser) : BrowserTestBase(browser)
{
    private const string Alice = "alice@test.example";
    private const string Bob = "bob@test.example";

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Approval:Install"] = "Manual";
        settings["Approval:RequireTwoApprovers"] = "true";
    }

    [Fact]
    public async Task OneApproverApproves_CannotApproveAgain_ASecondCompletesIt_AndTalkdeskHearsOneApprove()
    {
        await AddStaffAsync(Alice, StaffRoles.Approver);
        await AddStaffAsync(Bob, StaffRoles.Approver);
        var installation = Talkdesk.Fake.CreateInstallation("twopeople");
        var evt = Talkdesk.Fake.InstalledEvent(installation, Talkdesk.ApiRoot);
        await Portal.PostEventAsync(evt);
        var held = await Portal.WaitForStateAsync(PortalApp.EventId(evt), RequestState.AwaitingApproval);

        await SignInAsync(Alice);
        await OpenAsync($"/requests/{held.Id}");
        await Page.ClickAsync("[data-test=approve]");
        await Expect(Page.Locator("[data-test=decision-note]")).ToContainTextAsync("Two approvers are required");
        await Page.ClickAsync("[data-test=confirm-approve]");
        await Expect(Page.Locator("[data-test=first-decision]")).ToContainTextAsync("waiting for a second approver");
        await Expect(Page.Locator("[data-test=approve]")).ToBeDisabledAsync();
        await Expect(Page.Locator("[data-test=first-decision-mine]")).ToBeVisibleAsync();
        await Task.Delay(500);
        Assert.Empty(Talkdesk.Fake.Decisions);

        // A scripted second approve by the same person (the form post) is refused too, and changes nothing.
        using (var script = await StaffHttp.SignInAsync(Portal, Alice, Password))
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, $"/requests/{held.Id}/approve");
            post.Headers.Add("RequestVerificationToken", await script.TokenAsync());
            using var again = await script.Client.SendAsync(post);
            Assert.Equal(System.Net.HttpStatusCode.Conflict, again.StatusCode);
            Assert.Contains("Same approver", await again.Content.ReadAsStringAsync());
        }
        Assert.Equal(Alice, (await Portal.WaitForRequestAsync(held.EventId, _ => true)).FirstDecisionBy);

        await Context.ClearCookiesAsync();
        await Page.SetViewportSizeAsync(1280, 900);
        await SignInAsync(Bob);
        await OpenAsync($"/requests/{held.Id}");
        await Expect(Page.Locator("[data-test=first-decision]")).ToContainTextAsync($"Approved by {Alice}");
        await Expect(Page.Locator("[data-test=approve]")).ToHaveTextAsync("Approve (second)");
        await Expect(Page.Locator("[data-test=approve]")).ToBeEnabledAsync();
        await ScreenshotAsync("two-approvers-1280");

        await Page.ClickAsync("[data-test=approve]");
        await Page.ClickAsync("[data-test=confirm-approve]");
        await Expect(Page.Locator(".mud-chip", new() { HasText = "Completed" }).First).ToBeVisibleAsync();
        var done = await Portal.WaitForStateAsync(held.EventId, RequestState.Completed);
        await Task.Delay(500);
        var decision = Assert.Single(Talkdesk.Fake.Decisions);
        Assert.Equal((installation.InstallationId, "approve"), (decision.InstallationId, decision.State));
        Assert.Equal(Bob, done.DecidedBy);
        await Expect(Page.Locator("text=First of two approvals")).ToBeVisibleAsync();
    }
}
