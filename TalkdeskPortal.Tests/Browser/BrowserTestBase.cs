using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TalkdeskPortal.Staff;
using TalkdeskPortal.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TalkdeskPortal.Tests.Browser;

/// <summary>The portal and a fake Talkdesk on loopback ports, driven by a real browser as staff would.</summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTestBase(BrowserFixture browser) : IAsyncLifetime
{
    protected const string AdminEmail = "admin@test.example";
    protected const string Password = "Correct-Horse-9";

    protected FakeTalkdeskHost Talkdesk { get; private set; } = null!;
    protected PortalApp Portal { get; private set; } = null!;
    protected IBrowserContext Context { get; private set; } = null!;
    protected IPage Page { get; private set; } = null!;
    protected string BaseUrl => Portal.Http.BaseAddress!.ToString().TrimEnd('/');

    protected virtual void Configure(Dictionary<string, string?> settings) { }

    // The browser's IANA zone (Playwright's timezoneId); null: the machine's.
    protected virtual string? TimezoneId => null;

    public virtual async Task InitializeAsync()
    {
        Talkdesk = await FakeTalkdeskHost.StartAsync();
        Portal = PortalApp.Start(Talkdesk, settings =>
        {
            settings["Staff:BootstrapAdminEmail"] = AdminEmail;
            settings["Staff:BootstrapAdminPassword"] = Password;
            Configure(settings);
        });
        Context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1400, Height = 900 }, TimezoneId = TimezoneId });
        Context.SetDefaultTimeout(15_000);
        Page = await Context.NewPageAsync();
    }

    public virtual async Task DisposeAsync()
    {
        await Context.CloseAsync();
        await Portal.DisposeAsync();
        await Talkdesk.DisposeAsync();
    }

    protected async Task AddStaffAsync(string email, string role)
    {
        var errors = await Portal.Services.GetRequiredService<StaffAdmin>().CreateAsync(email, null, Password, role, "test");
        Assert.Empty(errors);
    }

    protected async Task SignInAsync(string email, string password = Password)
    {
        await Page.GotoAsync($"{BaseUrl}/account/login");
        await Page.FillAsync("#email", email);
        await Page.FillAsync("#password", password);
        await Page.ClickAsync("[data-test=login-submit]");
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>Navigates and waits until Blazor's circuit is up, so clicks reach the server.</summary>
    protected async Task OpenAsync(string path)
    {
        await Page.GotoAsync($"{BaseUrl}{path}");
        try
        {
            await WaitForInteractivityAsync();
        }
        catch (TimeoutException)
        {
            await ScreenshotAsync("open-timeout");
            throw new TimeoutException($"{path} did not come up: now at {Page.Url}");
        }
    }

    /// <summary>Waits until the page's circuit is up (the layout marks itself after its first interactive render).</summary>
    /// <summary>
    /// Presses Escape once focus is inside the dialog, as a person would once they see it. MudBlazor subscribes the
    /// dialog's key handler in a separate round trip after the dialog is drawn; on a loaded machine a key pressed in
    /// between is not heard, so one more press is allowed before the dialog must be gone.
    /// </summary>
    protected async Task PressEscapeInDialogAsync()
    {
        await Page.WaitForFunctionAsync("() => document.activeElement?.closest('.mud-dialog') != null");
        var dialogs = Page.Locator(".mud-dialog");
        await Page.Keyboard.PressAsync("Escape");
        try
        {
            await Expect(dialogs).ToHaveCountAsync(0, new() { Timeout = 2_000 });
        }
        catch (PlaywrightException)
        {
            await Page.Keyboard.PressAsync("Escape");
            await Expect(dialogs).ToHaveCountAsync(0);
        }
    }

    protected Task WaitForInteractivityAsync() =>
        Page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('.mud-layout[data-interactive=true]') !== null");

    protected async Task ScreenshotAsync(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
