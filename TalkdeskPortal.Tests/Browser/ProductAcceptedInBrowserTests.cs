using Microsoft.Playwright;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TalkdeskPortal.Tests.Browser;

/// <summary>
/// ApproveWhen = ProductAccepted as staff meet it: a request the product refused shows the product's own words and
/// can be approved anyway; one the product has not answered says it waits for the product.
/// </summary>
public sealed class ProductAcceptedInBrowserTests(BrowserFixture browser) : BrowserTestBase(browser)
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
    }

    [Fact]
    public async Task RefusedByTheProduct_ShowsItsWords_AndApproveAnyway_ReachesTalkdeskOnce()
    {
        var accepted = Talkdesk.Fake.CreateInstallation("northwind");
        var acceptedEvent = Talkdesk.Fake.InstalledEvent(accepted, Talkdesk.ApiRoot);
        await Portal.PostEventAsync(acceptedEvent);
        await Portal.WaitForStateAsync(PortalApp.EventId(acceptedEvent), RequestState.Completed);
        _product.Refusal = (422, "No seat left on the shared EU cluster for this customer");
        var refused = Talkdesk.Fake.CreateInstallation("fabrikam");
        var refusedEvent = Talkdesk.Fake.InstalledEvent(refused, Talkdesk.ApiRoot);
        await Portal.PostEventAsync(refusedEvent);
        var waiting = await Portal.WaitForStateAsync(PortalApp.EventId(refusedEvent), RequestState.AwaitingApproval);
        _product.Refusal = null;
        _product.DownFor(1000);
        var silentEvent = Talkdesk.Fake.InstalledEvent(Talkdesk.Fake.CreateInstallation("tailspin"), Talkdesk.ApiRoot);
        await Portal.PostEventAsync(silentEvent);
        var silent = await Portal.WaitForStateAsync(PortalApp.EventId(silentEvent), RequestState.AwaitingProduct);

        await SignInAsync(AdminEmail);
        await OpenAsync($"/requests/{silent.Id}");
        await Expect(Page.Locator("[data-test=state-chip]").First).ToHaveTextAsync("Waiting for the product");
        await ScreenshotAsync("request-waiting-for-product");

        await OpenAsync($"/requests/{waiting.Id}");
        await Expect(Page.GetByText("No seat left on the shared EU cluster for this customer").First).ToBeVisibleAsync();
        await ScreenshotAsync("request-refused-by-product");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Approve anyway" }).ClickAsync();
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("Approve") }).ClickAsync();

        await Portal.WaitForStateAsync(waiting.EventId, RequestState.Completed);
        Assert.Equal(1, Talkdesk.Fake.Decisions.Count(d => d.InstallationId == refused.InstallationId && d.State == "approve"));

        await OpenAsync("/deliveries");
        await Expect(Page.Locator("tr", new() { HasText = "tailspin" })).ToContainTextAsync("Retrying");
        await ScreenshotAsync("deliveries-real");
        await OpenAsync("/deliveries?account=northwind");
        await Page.Locator("[data-test=delivery-link]").First.ClickAsync();
        await Expect(Page.Locator("[data-test=delivery-payload]")).ToContainTextAsync("tnt_");
        await Expect(Page.Locator("[data-test=delivery-state]")).ToHaveTextAsync("Delivered");
        await ScreenshotAsync("delivery-real");
    }
}
