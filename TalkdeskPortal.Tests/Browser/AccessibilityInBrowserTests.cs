using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Product;
using TalkdeskPortal.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TalkdeskPortal.Tests.Browser;

/// <summary>
/// axe (WCAG 2.0/2.1 A and AA) on every page the portal draws, in the states staff meet them in: no serious or critical
/// finding anywhere. Hangfire's dashboard and the Scalar API reference are other people's pages and are left out.
/// </summary>
public sealed class AccessibilityInBrowserTests(BrowserFixture browser) : BrowserTestBase(browser)
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
        settings["Approval:Install"] = "Manual";
        settings["Product:WebhookUrl"] = _product.Url.ToString();
        settings["Product:WebhookSecret"] = _product.Secret;
    }

    [Fact]
    public async Task SignInPages_HaveNoSeriousViolations()
    {
        var report = new AccessibilityReport();
        await Page.GotoAsync($"{BaseUrl}/account/login");
        await report.CheckAsync(Page, "sign-in");
        await Page.GotoAsync($"{BaseUrl}/account/login?error=sso");
        await Expect(Page.Locator("[data-test=login-error]")).ToBeVisibleAsync();
        await report.CheckAsync(Page, "sign-in with an error");
        // The development account alert shows in Development only: the same MudAlert markup, in its Info colours, stands in for it.
        await Page.EvalOnSelectorAsync("[data-test=login-error]", """
            e => {
              e.className = e.className.replace('mud-alert-text-error', 'mud-alert-text-info') + ' mud-dense';
              e.querySelector('.mud-alert-message').innerHTML = 'Development account: <b>admin@portal.local</b> / <b>Sandbox-2026!</b>';
            }
            """);
        await report.CheckAsync(Page, "sign-in, development account alert");
        await Page.GotoAsync($"{BaseUrl}/account/denied");
        await report.CheckAsync(Page, "access denied");
        report.AssertClean();
    }

    [Fact]
    public async Task StaffPagesAndDialogs_HaveNoSeriousViolations()
    {
        var seed = await SeedAsync();
        var report = new AccessibilityReport();
        await SignInAsync(AdminEmail);

        await OpenAsync("/");
        await Expect(Page.Locator("[data-test='count-Awaiting approval']")).ToBeVisibleAsync();
        await report.CheckAsync(Page, "Overview");
        await OpenAsync("/queue");
        await Expect(Page.Locator("tr", new() { HasText = "axewaiting" })).ToBeVisibleAsync();
        await report.CheckAsync(Page, "Queue");
        await OpenRequestAsync(seed.Waiting, "[data-test=waiting-reason]");
        await report.CheckAsync(Page, "request awaiting approval");
        await Page.ClickAsync("[data-test=approve]");
        await Expect(Page.Locator("[data-test=confirm-approve]")).ToBeVisibleAsync();
        await report.CheckAsync(Page, "Approve dialog");
        await PressEscapeInDialogAsync();
        await Page.ClickAsync("[data-test=reject]");
        await Page.Locator(".mud-dialog textarea").FillAsync("Not a customer of ours");
        await Expect(Page.Locator("[data-test=confirm-reject]")).ToBeEnabledAsync();
        await report.CheckAsync(Page, "Reject dialog");
        await Page.Keyboard.PressAsync("Escape");
        await OpenRequestAsync(seed.Failed, "[data-test=failed]");
        await report.CheckAsync(Page, "failed request");
        await OpenRequestAsync(seed.Retrying, "[data-test=retrying]");
        await report.CheckAsync(Page, "retrying request");
        await OpenRequestAsync(seed.Completed, "[data-test=payload]");
        await report.CheckAsync(Page, "completed request");

        await OpenAsync("/tenants");
        await Expect(Page.Locator("tr", new() { HasText = "axedone" })).ToBeVisibleAsync();
        await report.CheckAsync(Page, "Tenants");
        await OpenAsync($"/tenants/{seed.Tenant}");
        await Expect(Page.Locator("[data-test=tenant-deliveries]")).ToBeVisibleAsync();
        await report.CheckAsync(Page, "a tenant");
        await OpenAsync("/deliveries");
        await Expect(Page.Locator("[data-test=delivery-link]").First).ToBeVisibleAsync();
        await report.CheckAsync(Page, "Deliveries");
        await OpenAsync($"/deliveries/{seed.Delivery}");
        await Expect(Page.Locator("[data-test=delivery-payload]")).ToBeVisibleAsync();
        await report.CheckAsync(Page, "a delivery");
        await OpenAsync("/audit");
        await Expect(Page.Locator("tr", new() { HasText = "axedone" }).First).ToBeVisibleAsync();
        await report.CheckAsync(Page, "Audit");
        await OpenAsync("/policy");
        await report.CheckAsync(Page, "Policy");
        await OpenAsync("/users");
        await Page.ClickAsync("[data-test=add-staff]");
        await Expect(Page.Locator(".mud-dialog")).ToBeVisibleAsync();
        await report.CheckAsync(Page, "Users, add staff dialog open");
        await OpenAsync("/api-keys");
        await Page.ClickAsync("[data-test=add-api-key]");
        await Expect(Page.Locator(".mud-dialog")).ToBeVisibleAsync();
        await report.CheckAsync(Page, "API keys, create dialog open");
        await OpenAsync("/my-notifications");
        await report.CheckAsync(Page, "My notifications");
        await OpenAsync("/sandbox");
        await report.CheckAsync(Page, "Sandbox (off)");
        report.AssertClean();
    }

    private async Task OpenRequestAsync(long id, string shown)
    {
        await OpenAsync($"/requests/{id}");
        await Expect(Page.Locator(shown)).ToBeVisibleAsync();
    }

    private sealed record Seed(long Completed, long Waiting, long Failed, long Retrying, long Tenant, long Delivery);

    private async Task<Seed> SeedAsync()
    {
        var done = await HoldAsync("axedone");
        Assert.Equal(DecisionOutcome.Accepted, await Portal.Get<ApprovalService>().ApproveAsync(done.Id, "seed@test.example"));
        await Portal.WaitForStateAsync(done.EventId, RequestState.Completed);
        var waiting = await HoldAsync("axewaiting");
        Talkdesk.Fake.Faults.FailNext(1, 403);
        var failed = await PostAsync("axefailed", RequestState.Failed);
        Talkdesk.Fake.Faults.FailNext(100_000, 503);
        var retrying = await PostAsync("axeretrying", RequestState.Retrying);
        await using var db = Portal.Db();
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.AccountName == "axedone");
        var delivery = await WaitForDeliveryAsync("axedone");
        return new Seed(done.Id, waiting.Id, failed.Id, retrying.Id, tenant.Id, delivery);
    }

    private Task<LifecycleRequest> HoldAsync(string account) => PostAsync(account, RequestState.AwaitingApproval);

    private async Task<LifecycleRequest> PostAsync(string account, RequestState state)
    {
        var evt = Talkdesk.Fake.InstalledEvent(Talkdesk.Fake.CreateInstallation(account), Talkdesk.ApiRoot);
        await Portal.PostEventAsync(evt);
        return await Portal.WaitForStateAsync(PortalApp.EventId(evt), state);
    }

    private async Task<long> WaitForDeliveryAsync(string account)
    {
        for (var i = 0; i < 150; i++)
        {
            await using (var db = Portal.Db())
                if (await db.ProductDeliveries.AsNoTracking().FirstOrDefaultAsync(d => d.AccountName == account && d.Attempts > 0) is { } d)
                    return d.Id;
            await Task.Delay(100);
        }
        throw new TimeoutException($"No delivery for {account}.");
    }
}
