using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TalkdeskPortal.Tests.Browser;

/// <summary>An approver in Bangalore reads received times and deadlines on their own clock (+05:30), not the server's.</summary>
public sealed class ViewerTimeInBrowserTests(BrowserFixture browser) : BrowserTestBase(browser)
{
    private static readonly TimeZoneInfo Kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");

    protected override string? TimezoneId => "Asia/Kolkata";

    protected override void Configure(Dictionary<string, string?> settings) => settings["Approval:Install"] = "Manual";

    [Fact]
    public async Task ABrowserInKolkata_SeesTheReceivedTimeAndDeadline_InIst_WithTheZoneBesideTheDeadline()
    {
        var installation = Talkdesk.Fake.CreateInstallation("bangalore");
        var evt = Talkdesk.Fake.InstalledEvent(installation, Talkdesk.ApiRoot);
        await Portal.PostEventAsync(evt);
        var held = await Portal.WaitForStateAsync(PortalApp.EventId(evt), RequestState.AwaitingApproval);

        await SignInAsync(AdminEmail);
        await OpenAsync($"/requests/{held.Id}");

        await Expect(Page.Locator("[data-test=received-at]")).ToHaveTextAsync(Ist(held.ReceivedAt, "yyyy-MM-dd HH:mm:ss"));
        await Expect(Page.Locator("[data-test=deadline]")).ToHaveTextAsync($"{Ist(held.Deadline, "yyyy-MM-dd HH:mm")} Asia/Kolkata");
    }

    private static string Ist(DateTimeOffset at, string format)
    {
        var local = TimeZoneInfo.ConvertTime(at, Kolkata);
        Assert.Equal(TimeSpan.FromMinutes(330), local.Offset);
        return local.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
    }
}
