using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Staff;
using TalkdeskPortal.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TalkdeskPortal.Tests.Browser;

/// <summary>An open tab keeps the user it started with; the server re-reads the role before it acts.</summary>
public sealed class StaleSessionTests(BrowserFixture browser) : BrowserTestBase(browser)
{
    private const string ApproverEmail = "approver@test.example";

    protected override void Configure(Dictionary<string, string?> settings) => settings["Approval:Install"] = "Manual";

    [Fact]
    public async Task DemotedApprover_NextApproveInTheOpenTab_IsRefused_AndAudited()
    {
        var evt = Talkdesk.Fake.InstalledEvent(Talkdesk.Fake.CreateInstallation("stalesession"), Talkdesk.ApiRoot);
        await Portal.PostEventAsync(evt);
        var held = await Portal.WaitForStateAsync(PortalApp.EventId(evt), RequestState.AwaitingApproval);
        await AddStaffAsync(ApproverEmail, StaffRoles.Approver);
        await SignInAsync(ApproverEmail);
        await OpenAsync($"/requests/{held.Id}");
        await Expect(Page.Locator("[data-test=approve]")).ToBeVisibleAsync();

        // An Admin, elsewhere, makes them a Viewer while the tab stays open.
        var staff = Portal.Services.GetRequiredService<StaffAdmin>();
        var member = (await staff.ListAsync()).Single(m => m.Email == ApproverEmail);
        Assert.Empty(await staff.SetRoleAsync(member.Id, StaffRoles.Viewer, AdminEmail));

        await Page.ClickAsync("[data-test=approve]");
        await Page.ClickAsync("[data-test=confirm-approve]");

        await Expect(Page.Locator(".mud-snackbar", new() { HasText = "no longer allows" })).ToBeVisibleAsync();
        Assert.Equal(RequestState.AwaitingApproval, (await Portal.WaitForRequestAsync(held.EventId, _ => true)).State);
        Assert.Empty(Talkdesk.Fake.Decisions);
        await using var db = Portal.Db();
        var refused = await db.Audit.SingleAsync(a => a.Action == StaffAccess.Refused);
        Assert.Equal(ApproverEmail, refused.Actor);
        Assert.Contains($"#{held.Id}", refused.Detail);
    }
}
