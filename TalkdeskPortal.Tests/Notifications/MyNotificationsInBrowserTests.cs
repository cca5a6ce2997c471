using Microsoft.Playwright;
using TalkdeskPortal.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace TalkdeskPortal.Tests.Notifications;

public sealed class MyNotificationsInBrowserTests(BrowserFixture browser) : BrowserTestBase(browser)
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Portal:PublicUrl"] = "https://portal.example.com";
        settings["Notifications:Smtp:Host"] = "smtp.example.com";
        settings["Notifications:Smtp:From"] = "TalkdeskPortal <portal@example.com>";
        settings["Notifications:SlackWebhookUrl"] = "https://hooks.slack.com/services/T0001/B0001/browser-test-secret";
        settings["Notifications:Slack:Reasons:0"] = "AwaitingApproval";
        settings["Notifications:Slack:Reasons:1"] = "NeedsAttention";
    }

    [Fact]
    public async Task Staff_TurnsOffAReason_ItStaysOff_AndThePageFitsAPhone()
    {
        await Page.SetViewportSizeAsync(1280, 900);
        await SignInAsync(AdminEmail);
        await OpenAsync("/my-notifications");

        var digest = Page.GetByLabel("Daily digest");
        await Expect(digest).ToBeCheckedAsync();
        await digest.SetCheckedAsync(false, new() { Force = true });
        await Expect(Page.Locator(".mud-snackbar")).ToContainTextAsync("Daily digest: off");
        Assert.DoesNotContain("browser-test-secret", await Page.ContentAsync());

        await OpenAsync("/my-notifications");
        await Expect(Page.GetByLabel("Daily digest")).Not.ToBeCheckedAsync();
        await Expect(Page.GetByLabel("Awaiting approval")).ToBeCheckedAsync();
        await Expect(Page.GetByLabel("Awaiting approval")).ToHaveAccessibleDescriptionAsync("A request waits for an Approver (sent at once).");
        await ScreenshotAsync("my-notifications-1280");

        await Page.SetViewportSizeAsync(390, 844);
        await OpenAsync("/my-notifications");
        var overflow = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        await ScreenshotAsync("my-notifications-390");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than a 390px screen");
    }
}
