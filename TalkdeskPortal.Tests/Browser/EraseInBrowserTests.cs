using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TalkdeskPortal.Tests.Browser;

/// <summary>An Admin on a phone (390×844) erases an uninstalled customer's personal data: named fields, focus, Escape, axe.</summary>
public sealed class EraseInBrowserTests(BrowserFixture browser) : BrowserTestBase(browser)
{
    private const int Width = 390, Height = 844;

    [Fact]
    public async Task OnAPhone_TheEraseDialog_IsNamedFocusedAndEscapable_AndErases()
    {
        var installation = Talkdesk.Fake.CreateInstallation("erasable", userCount: 2);
        await DeliverAsync(Talkdesk.Fake.InstalledEvent(installation, Talkdesk.ApiRoot));
        await DeliverAsync(Talkdesk.Fake.UninstalledEvent(installation, Talkdesk.ApiRoot));
        long tenantId;
        await using (var db = Portal.Db())
            tenantId = await db.Tenants.Where(t => t.TalkdeskAccountId == installation.AccountId).Select(t => t.Id).SingleAsync();
        await Page.SetViewportSizeAsync(Width, Height);
        await SignInAsync(AdminEmail);

        await OpenAsync($"/tenants/{tenantId}");
        await Expect(Page.Locator("[data-test=erase]")).ToBeEnabledAsync();
        await Expect(Page.Locator("[data-test=export]")).ToBeVisibleAsync();
        await AxeCheck.AssertNoSeriousAsync(Page, "an uninstalled tenant on a phone");
        await Page.ClickAsync("[data-test=erase]");
        var name = Page.GetByLabel("Type the account name (erasable) to confirm");
        await Expect(name).ToBeFocusedAsync();
        await AxeCheck.AssertNoSeriousAsync(Page, "the Erase dialog on a phone");
        var dialog = (await Page.Locator(".mud-dialog").BoundingBoxAsync())!;
        Assert.True(dialog.X >= 0 && dialog.X + dialog.Width <= Width, $"The dialog spans x {dialog.X}..{dialog.X + dialog.Width} on a {Width} px screen.");
        Assert.True(await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= Width, "The page scrolls sideways.");

        await PressEscapeInDialogAsync();
        Assert.Equal(2, await UsersAsync(tenantId));

        await Page.ClickAsync("[data-test=erase]");
        await name.FillAsync("erasable");
        await Page.GetByLabel("Reason (recorded in the audit)").FillAsync("The customer asked us to");
        await Page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "phone-erase-dialog.png") });
        await Page.ClickAsync("[data-test=confirm-erase]");

        await Expect(Page.Locator("[data-test=personal-data-erased]")).ToBeVisibleAsync();
        Assert.Equal(0, await UsersAsync(tenantId));
    }

    private async Task DeliverAsync(System.Text.Json.Nodes.JsonObject evt)
    {
        await Portal.PostEventAsync(evt);
        await Portal.WaitForStateAsync(PortalApp.EventId(evt), RequestState.Completed);
    }

    private async Task<int> UsersAsync(long tenantId)
    {
        await using var db = Portal.Db();
        return await db.TenantUsers.CountAsync(u => u.TenantId == tenantId);
    }
}
