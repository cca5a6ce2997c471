using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Product;
using TalkdeskPortal.Product.Events;
using TalkdeskPortal.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TalkdeskPortal.Tests.Browser;

/// <summary>The Deliveries pages against a real portal that sends its lifecycle webhooks to a tiny local product.</summary>
public sealed class DeliveriesInBrowserTests(BrowserFixture browser) : BrowserTestBase(browser)
{
    private WebApplication _product = null!;
    private string _productUrl = "";
    private volatile int _answer = 503;

    public override async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _product = builder.Build();
        _product.MapPost("/hooks", () => Results.StatusCode(_answer));
        await _product.StartAsync();
        _productUrl = _product.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _product.StopAsync();
        await _product.DisposeAsync();
    }

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Product:WebhookUrl"] = _productUrl + "/hooks";
        settings["Product:WebhookSecret"] = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        // A product that is down is tried again only in an hour: the Resend below is the next attempt.
        settings["Product:RetrySchedule:0"] = "01:00:00";
    }

    [Fact]
    public async Task Approver_ResendsADeliveryTheProductMissed_AndSeesTheNewAttempt()
    {
        var evt = Talkdesk.Fake.InstalledEvent(Talkdesk.Fake.CreateInstallation("deliverme"), Talkdesk.ApiRoot);
        await Portal.PostEventAsync(evt);
        await Portal.WaitForStateAsync(PortalApp.EventId(evt), RequestState.Completed);
        var delivery = await WaitForDeliveryAsync("deliverme", ProductDeliveryState.Retrying);
        _answer = 200;

        await SignInAsync(AdminEmail);
        await OpenAsync("/deliveries");
        var row = Page.Locator("tr", new() { HasText = "deliverme" });
        await Expect(row).ToContainTextAsync("Retrying");
        await Expect(row).ToContainTextAsync("HTTP 503");
        await row.Locator("[data-test=delivery-link]").ClickAsync();
        await Page.WaitForURLAsync($"**/deliveries/{delivery.Id}", new() { WaitUntil = WaitUntilState.Commit, Timeout = 30_000 });
        await Expect(Page.Locator("[data-test=attempt-number]")).ToHaveCountAsync(1);
        await Expect(Page.Locator("[data-test=delivery-payload]")).ToContainTextAsync("\"type\": \"tenant.provisioned\"");

        await Page.ClickAsync("[data-test=resend]");

        await Expect(Page.Locator("[data-test=attempt-number]")).ToHaveCountAsync(2);
        await Expect(Page.Locator("[data-test=delivery-state]")).ToHaveTextAsync("Delivered");
        await Expect(Page.Locator("[data-test=attempts]")).ToContainTextAsync(AdminEmail);
        await Expect(Page.Locator(".mud-snackbar")).ToContainTextAsync("the product accepted it");
    }

    [Fact]
    public async Task DeliveriesAndOneDelivery_FitAt1280AndAt390_ForScreenshots()
    {
        _answer = 200;
        foreach (var account in new[] { "northwind", "contoso" })
        {
            var evt = Talkdesk.Fake.InstalledEvent(Talkdesk.Fake.CreateInstallation(account), Talkdesk.ApiRoot);
            await Portal.PostEventAsync(evt);
            await WaitForDeliveryAsync(account, ProductDeliveryState.Delivered);
        }
        var refused = await SeedAsync("fabrikam", ProductDeliveryState.Refused, 422,
            "No seat left on the shared EU cluster for this customer; ask sales to add capacity, then Resend.", gates: true);
        await SeedAsync("tailspin", ProductDeliveryState.Retrying, 503, "Service unavailable", type: ProductEventTypes.Updated);
        await SeedAsync("adventureworks", ProductDeliveryState.Failed, null, "Connection refused (127.0.0.1:9); no more attempts", type: ProductEventTypes.Uninstalled);

        await SignInAsync(AdminEmail);
        foreach (var (width, height) in new[] { (1280, 900), (390, 844) })
        {
            await Page.SetViewportSizeAsync(width, height);
            await OpenAsync("/deliveries");
            await Expect(Page.Locator("[data-test=delivery-link]")).ToHaveCountAsync(5);
            await AssertNoSidewaysScrollAsync();
            await ScreenshotAsync($"deliveries-{width}");

            await OpenAsync($"/deliveries/{refused}");
            await Expect(Page.Locator("[data-test=delivery-error]")).ToContainTextAsync("No seat left");
            await AssertNoSidewaysScrollAsync();
            await ScreenshotAsync($"delivery-{width}");
        }
    }

    private async Task AssertNoSidewaysScrollAsync()
    {
        var overflow = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The page scrolls sideways by {overflow} px at {Page.ViewportSize!.Width} px");
        var grid = await Page.EvaluateAsync<int>("() => Math.max(0, ...[...document.querySelectorAll('.deliveries-grid .mud-table-container')].map(e => e.scrollWidth - e.clientWidth))");
        Assert.True(grid <= 0, $"The deliveries grid scrolls sideways by {grid} px at {Page.ViewportSize!.Width} px");
    }

    private async Task<ProductDelivery> WaitForDeliveryAsync(string account, ProductDeliveryState state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        ProductDelivery? last = null;
        while (DateTime.UtcNow < deadline)
        {
            await using (var db = Portal.Db())
            {
                last = await db.ProductDeliveries.AsNoTracking().FirstOrDefaultAsync(d => d.AccountName == account);
                if (last is not null && last.State == state && last.Attempts > 0) return last;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The delivery for {account} is {last?.State.ToString() ?? "missing"}");
    }

    // Deliveries in the states a live product rarely shows at once, beside the real ones.
    private async Task<long> SeedAsync(string account, ProductDeliveryState state, int? status, string error, bool gates = false,
        string type = ProductEventTypes.Provisioned)
    {
        var now = DateTimeOffset.UtcNow;
        var delivery = new ProductDelivery
        {
            MessageId = "msg_" + Guid.NewGuid().ToString("N")[..32], Type = type, AccountId = "acc-" + account, AccountName = account,
            GatesApproval = gates, State = state, Attempts = 2, CreatedAt = now, UpdatedAt = now, LastStatusCode = status, LastError = error,
            NextAttemptAt = state == ProductDeliveryState.Retrying ? now.AddMinutes(2) : null,
            Body = $"{{\"type\":\"{type}\",\"timestamp\":\"{now:O}\",\"data\":{{\"tenant_id\":7,\"talkdesk_account_id\":\"acc-{account}\",\"account_name\":\"{account}\",\"plan\":{{\"name\":\"Enterprise\",\"licenses\":25}},\"users\":[{{\"talkdesk_user_id\":\"u-1\",\"email\":\"ana.lima@{account}.example\",\"name\":\"Ana Lima\"}}]}}}}",
        };
        for (var n = 1; n <= 2; n++)
            delivery.AttemptLog.Add(new ProductDeliveryAttempt
            {
                Number = n, StartedAt = now.AddMinutes(n - 3), DurationMs = 40 + n, StatusCode = status,
                ResponseSnippet = status is null ? null : $"{{\"type\":\"about:blank\",\"status\":{status},\"detail\":\"{error}\"}}",
                Error = status is null ? error : null, Trigger = n == 1 ? "system" : AdminEmail,
            });
        await using var db = Portal.Db();
        db.ProductDeliveries.Add(delivery);
        await db.SaveChangesAsync();
        return delivery.Id;
    }
}
