using TalkdeskPortal.Backups;
using static Microsoft.Playwright.Assertions;

namespace TalkdeskPortal.Tests.Browser;

/// <summary>An Admin on a phone: the Overview's backup card reads, passes axe, fits 390 px, and Back up now takes one.</summary>
public sealed class BackupCardInBrowserTests(BrowserFixture browser) : BrowserTestBase(browser)
{
    private const int Width = 390;

    protected override void Configure(Dictionary<string, string?> settings) => settings["Jobs:PollInterval"] = "00:00:01";

    [Fact]
    public async Task OnAPhone_AnAdminSeesTheFailedBackup_BacksUpNow_AndSeesItVerified()
    {
        await using (var db = Portal.Db())
        {
            var at = DateTimeOffset.UtcNow.AddHours(-1);
            db.Backups.Add(new BackupRecord { StartedAt = at, FinishedAt = at, StartedBy = "system",
                Error = "Could not find a part of the path '/mnt/backup-disk-that-was-unmounted/portal/backups'." });
            await db.SaveChangesAsync();
        }
        await Page.SetViewportSizeAsync(Width, 844);
        await SignInAsync(AdminEmail);

        await OpenAsync("/");
        var card = Page.Locator("[data-test=backup-card]");
        await Expect(card.Locator("[data-test=last-backup]")).ToContainTextAsync("failed: Could not find a part of the path");
        await card.ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync("phone-backup-failed");
        await AxeCheck.AssertNoSeriousAsync(Page, "Overview with a failed backup, on a phone");
        var scrollWidth = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= Width, $"The Overview is {scrollWidth} px wide on a {Width} px screen.");

        await Page.ClickAsync("[data-test=back-up-now]");

        await Expect(Page.Locator(".mud-snackbar")).ToContainTextAsync("Backup started");
        await Expect(card.Locator("[data-test=last-backup]")).ToContainTextAsync("verified ✓", new() { Timeout = 30_000 });
        await ScreenshotAsync("phone-backup-verified");
        await AxeCheck.AssertNoSeriousAsync(Page, "Overview with a verified backup, on a phone");
    }
}
