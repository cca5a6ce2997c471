using Microsoft.Playwright;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TalkdeskPortal.Tests.Browser;

/// <summary>An approver who opens a deep link on a phone (390×844): the decision fits the first screen, nothing scrolls sideways.</summary>
public sealed class PhoneInBrowserTests(BrowserFixture browser) : BrowserTestBase(browser)
{
    private const int Width = 390, Height = 844;

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Approval:Install"] = "Manual";
        settings["Sandbox:Enabled"] = "true";
    }

    [Fact]
    public async Task OnAPhone_TheRequestQueueAndOverview_FitTheScreen()
    {
        var evt = Talkdesk.Fake.InstalledEvent(Talkdesk.Fake.CreateInstallation("contosopharmaeurope"), Talkdesk.ApiRoot);
        await Portal.PostEventAsync(evt);
        var held = await Portal.WaitForStateAsync(PortalApp.EventId(evt), RequestState.AwaitingApproval);
        await Page.SetViewportSizeAsync(Width, Height);
        await SignInAsync(AdminEmail);

        await OpenAsync($"/requests/{held.Id}");
        await Expect(Page.Locator("[data-test=waiting-reason]")).ToBeVisibleAsync();
        await Page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "phone-request.png") });
        foreach (var shown in new[] { "[data-test=state-chip]", "[data-test=time-left]", "[data-test=approve]", "[data-test=reject]", "[data-test=sign-out]" })
            await AssertInFirstScreenAsync(shown);
        await AssertNoSidewaysScrollAsync("request");
        await AxeCheck.AssertNoSeriousAsync(Page, "request on a phone");

        await OpenAsync("/queue");
        var link = Page.Locator($"a[href='requests/{held.Id}']");
        await AssertInViewportWidthAsync(link);
        await AssertInViewportWidthAsync(Page.Locator("[data-test=state-chip]").First);
        await AssertNoSidewaysScrollAsync("queue");
        await Page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "phone-queue.png"), FullPage = true });
        await AxeCheck.AssertNoSeriousAsync(Page, "queue on a phone");

        await OpenAsync("/");
        var cards = Page.Locator("[data-test^=count-]");
        await Expect(cards).ToHaveCountAsync(7);
        var first = (await cards.Nth(0).BoundingBoxAsync())!;
        var second = (await cards.Nth(1).BoundingBoxAsync())!;
        Assert.True(second.Y > first.Y + first.Height, "The Overview's count cards should stack one under another on a phone.");
        await AssertNoSidewaysScrollAsync("overview");
        await Page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "phone-overview.png"), FullPage = true });
    }

    [Fact]
    public async Task OnAPhone_EveryOtherStaffPage_KeepsItsControlsOnScreen()
    {
        var evt = Talkdesk.Fake.InstalledEvent(Talkdesk.Fake.CreateInstallation("contosophone"), Talkdesk.ApiRoot);
        await Portal.PostEventAsync(evt);
        var held = await Portal.WaitForStateAsync(PortalApp.EventId(evt), RequestState.AwaitingApproval);
        Assert.Equal(DecisionOutcome.Accepted, await Portal.Get<ApprovalService>().ApproveAsync(held.Id, "seed@test.example"));
        await Portal.WaitForStateAsync(PortalApp.EventId(evt), RequestState.Completed);
        await Page.SetViewportSizeAsync(Width, Height);
        await SignInAsync(AdminEmail);

        var problems = new List<string>();
        foreach (var path in new[] { "/tenants", "/tenants/1", "/deliveries", "/audit", "/policy", "/users", "/api-keys", "/my-notifications" })
        {
            await OpenAsync(path);
            await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            problems.AddRange(await OffScreenAsync(path));
        }

        await OpenAsync("/sandbox");
        await Page.ClickAsync("[data-test=sandbox-install]");
        await Expect(Page.Locator("[data-test=sandbox-installation]").First).ToBeVisibleAsync();
        await Page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "phone-sandbox.png"), FullPage = true });
        problems.AddRange(await OffScreenAsync("/sandbox"));
        Assert.True(problems.Count == 0, "Off a 390 px screen:\n" + string.Join("\n", problems));
    }

    /// <summary>The page scrolling sideways, or a control, field, link or code cut off past the right edge of the screen.</summary>
    private async Task<IReadOnlyList<string>> OffScreenAsync(string page)
    {
        var found = new List<string>();
        var scrollWidth = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        if (scrollWidth > Width) found.Add($"{page}: the page is {scrollWidth} px wide");
        var cut = await Page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('button, a, input, code, .mud-chip, .mud-input-control')]
                .filter(e => e.getClientRects().length > 0 && !e.closest('.mud-drawer, .mud-popover-provider'))
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                .slice(0, 5)
                .map(e => `${e.tagName.toLowerCase()} "${(e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 40)}" ends at ${Math.round(e.getBoundingClientRect().right)} px`)
            """);
        found.AddRange(cut.Select(c => $"{page}: {c}"));
        return found;
    }

    private async Task AssertInFirstScreenAsync(string selector)
    {
        var box = await Page.Locator(selector).Filter(new() { Visible = true }).First.BoundingBoxAsync();
        Assert.True(box is not null, $"{selector} is not drawn.");
        Assert.True(box.X >= 0 && box.Y >= 0 && box.X + box.Width <= Width && box.Y + box.Height <= Height,
            $"{selector} is at ({box.X}, {box.Y}) size {box.Width}×{box.Height}: outside the first {Width}×{Height} screen.");
    }

    private static async Task AssertInViewportWidthAsync(ILocator locator)
    {
        await Expect(locator).ToBeVisibleAsync();
        var box = (await locator.BoundingBoxAsync())!;
        Assert.True(box.X >= 0 && box.X + box.Width <= Width, $"An element sits at x {box.X}..{box.X + box.Width}, past the {Width} px screen.");
    }

    private async Task AssertNoSidewaysScrollAsync(string page)
    {
        var scrollWidth = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= Width, $"The {page} page is {scrollWidth} px wide on a {Width} px screen.");
    }
}
