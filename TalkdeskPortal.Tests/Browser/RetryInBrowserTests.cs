using Microsoft.Playwright;
using TalkdeskPortal.Lifecycle;
using static Microsoft.Playwright.Assertions;

namespace TalkdeskPortal.Tests.Browser;

public sealed class RetryInBrowserTests(BrowserFixture browser) : BrowserTestBase(browser)
{
    [Fact]
    public async Task RetryingRequest_ShowsItsNextAttempt_AndTheHangfireDashboardShowsTheScheduledRetry()
    {
        Talkdesk.Fake.Faults.FailNext(100_000, 503);
        var installation = Talkdesk.Fake.CreateInstallation("stormy");
        var evt = Talkdesk.Fake.InstalledEvent(installation, Talkdesk.ApiRoot);
        await Portal.PostEventAsync(evt);
        var retrying = await Portal.WaitForStateAsync(evt["id"]!.GetValue<string>(), RequestState.Retrying);

        await SignInAsync(AdminEmail);
        await OpenAsync($"/requests/{retrying.Id}");
        var panel = Page.Locator("[data-test=retrying]");
        await Expect(panel).ToContainTextAsync("Retrying automatically");
        await Expect(panel).ToContainTextAsync("Next attempt");
        await Expect(panel).ToContainTextAsync("503");
        await ScreenshotAsync("request-retrying");

        await Page.GotoAsync($"{BaseUrl}/hangfire/jobs/scheduled");
        await Expect(Page.GetByText($"Retry lifecycle request {retrying.Id}")).ToBeVisibleAsync();
        await ScreenshotAsync("hangfire-scheduled");
        await Page.GotoAsync($"{BaseUrl}/hangfire/recurring");
        await Expect(Page.GetByText(LifecycleServiceCollectionExtensions.SweepJobId)).ToBeVisibleAsync();
    }
}
