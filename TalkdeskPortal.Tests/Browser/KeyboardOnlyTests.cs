using Microsoft.Playwright;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TalkdeskPortal.Tests.Browser;

/// <summary>A person without a mouse: Tab, Shift+Tab, Enter and Escape only, and every stop on the way shows where focus is.</summary>
public sealed class KeyboardOnlyTests(BrowserFixture browser) : BrowserTestBase(browser)
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["Approval:Install"] = "Manual";

    [Fact]
    public async Task Approver_SignsIn_ApprovesOne_AndRejectsAnotherWithAReason_ByKeyboardAlone()
    {
        var first = await HoldAsync("kbfirst");
        var second = await HoldAsync("kbsecond");

        await Page.GotoAsync($"{BaseUrl}/account/login");
        await TabToAsync("#email");
        await Page.Keyboard.TypeAsync(AdminEmail);
        await TabToAsync("#password");
        await Page.Keyboard.TypeAsync(Password);
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForURLAsync($"{BaseUrl}/", new() { WaitUntil = WaitUntilState.Commit, Timeout = 30_000 });
        await WaitForInteractivityAsync();

        await TabToAsync("a.mud-nav-link[href='queue']");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("tr", new() { HasText = "kbfirst" })).ToBeVisibleAsync();
        await TabToAsync($"a[href='requests/{first.Id}']");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("[data-test=waiting-reason]")).ToBeVisibleAsync();

        await TabToAsync("[data-test=approve]");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("[data-test=confirm-approve]")).ToBeVisibleAsync();
        await PressEscapeInDialogAsync(); // a second thought closes the dialog, and nothing is sent
        Assert.Empty(Talkdesk.Fake.Decisions);
        await TabToAsync("[data-test=approve]");
        await Page.Keyboard.PressAsync("Enter");
        await TabToAsync("[data-test=confirm-approve]");
        await Page.Keyboard.PressAsync("Enter");
        await Portal.WaitForStateAsync(first.EventId, RequestState.Completed);
        await Expect(Page.Locator("[data-test=state-chip]").First).ToHaveTextAsync("Completed");

        await TabToAsync("a.mud-nav-link[href='queue']", backwards: true);
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("tr", new() { HasText = "kbsecond" })).ToBeVisibleAsync();
        await TabToAsync($"a[href='requests/{second.Id}']");
        await Page.Keyboard.PressAsync("Enter");
        await TabToAsync("[data-test=reject]");
        await Page.Keyboard.PressAsync("Enter");
        await TabToAsync(".mud-dialog textarea");
        await Page.Keyboard.TypeAsync("Not a customer of ours");
        await TabToAsync("[data-test=confirm-reject]");
        await Page.Keyboard.PressAsync("Enter");

        var rejected = await Portal.WaitForRequestAsync(second.EventId, r => r.Decision is not null);
        Assert.Equal("Not a customer of ours", rejected.DecisionReason);
        Assert.Equal(AdminEmail, rejected.DecidedBy);
        await Expect(Page.Locator("[data-test=state-chip]").First).Not.ToHaveTextAsync("Awaiting approval");
    }

    /// <summary>Presses Tab (or Shift+Tab) until focus is on the element, checking at every stop that focus can be seen.</summary>
    private async Task TabToAsync(string selector, bool backwards = false, int limit = 80)
    {
        for (var i = 0; i < limit; i++)
        {
            await Page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            var unseen = await Page.EvaluateAsync<string>("""
                () => {
                  const e = document.activeElement;
                  if (!e || e === document.body) return '';
                  const s = getComputedStyle(e);
                  const r = e.getBoundingClientRect();
                  if (r.width === 0 && r.height === 0) return ''; // a dialog's focus-trap sentinel, drawn nowhere
                  return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 ? '' : e.outerHTML.slice(0, 160);
                }
                """);
            Assert.True(unseen == "", $"Focus is not visible on {unseen}");
            if (await Page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector)) return;
        }
        Assert.Fail($"{limit} presses of {(backwards ? "Shift+Tab" : "Tab")} never reached {selector}.");
    }

    private async Task<LifecycleRequest> HoldAsync(string account)
    {
        var evt = Talkdesk.Fake.InstalledEvent(Talkdesk.Fake.CreateInstallation(account), Talkdesk.ApiRoot);
        await Portal.PostEventAsync(evt);
        return await Portal.WaitForStateAsync(PortalApp.EventId(evt), RequestState.AwaitingApproval);
    }
}
