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
        await Expect(Page.GetByText("Retrying automatically")).ToBeVisibleAsync();
        await Expect(Page.GetByText("Next attempt").First).ToBeVisibleAsync();
        await ScreenshotAsync("request-retrying");

        await Page.GotoAsync($"{BaseUrl}/hangfire/jobs/scheduled");
        await Expect(Page.GetByText($"Retry lifecycle request {retrying.Id}")).ToBeVisibleAsync();
        await ScreenshotAsync("hangfire-scheduled");
        await Page.GotoAsync($"{BaseUrl}/hangfire/recurring");
        await Expect(Page.GetByText(LifecycleServiceCollectionExtensions.SweepJobId)).ToBeVisibleAsync();
    }
}
