using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TalkdeskPortal.Tests.Browser;

/// <summary>axe on the pages that need the product in the loop, or the sandbox on: a request waiting for the product, Sandbox.</summary>
public sealed class ProductAndSandboxAccessibilityTests(BrowserFixture browser) : BrowserTestBase(browser)
{
    private FakeProductHost _product = null!;

    public override async Task InitializeAsync()
    {
        _product = await FakeProductHost.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _product.DisposeAsync();
    }

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Product:WebhookUrl"] = _product.Url.ToString();
        settings["Product:WebhookSecret"] = _product.Secret;
        settings["Product:ApproveWhen"] = "ProductAccepted";
        settings["Product:RetrySchedule:0"] = "01:00:00";
        settings["Sandbox:Enabled"] = "true";
    }

    [Fact]
    public async Task RequestWaitingForTheProduct_AndTheSandbox_HaveNoSeriousViolations()
    {
        _product.DownFor(1000);
        var evt = Talkdesk.Fake.InstalledEvent(Talkdesk.Fake.CreateInstallation("axeproduct"), Talkdesk.ApiRoot);
        await Portal.PostEventAsync(evt);
        var silent = await Portal.WaitForStateAsync(PortalApp.EventId(evt), RequestState.AwaitingProduct);
        var report = new AccessibilityReport();
        await SignInAsync(AdminEmail);

        await OpenAsync($"/requests/{silent.Id}");
        await Expect(Page.Locator("[data-test=waiting-reason]")).ToBeVisibleAsync();
        await report.CheckAsync(Page, "request waiting for the product");
        await Page.ClickAsync("[data-test=approve]");
        await Expect(Page.Locator("[data-test=confirm-approve]")).ToBeVisibleAsync();
        await report.CheckAsync(Page, "Approve anyway dialog");
        await Page.Keyboard.PressAsync("Escape");

        await OpenAsync("/sandbox");
        await Expect(Page.GetByText("A fake Talkdesk runs inside this portal")).ToBeVisibleAsync();
        await report.CheckAsync(Page, "Sandbox (on)");
        report.AssertClean();
    }
}
