using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace TalkdeskPortal.Tests.Browser;

public sealed class SignInTests(BrowserFixture browser) : BrowserTestBase(browser)
{
    [Fact]
    public async Task AnonymousVisitor_IsSentToSignIn_AndComesBackAfterIt()
    {
        await Page.GotoAsync($"{BaseUrl}/tenants");
        Assert.Contains("/account/login", Page.Url);

        await Page.FillAsync("#email", AdminEmail);
        await Page.FillAsync("#password", Password);
        await Page.ClickAsync("[data-test=login-submit]");

        await Page.WaitForURLAsync("**/tenants", new() { WaitUntil = WaitUntilState.Commit, Timeout = 30_000 });
        await Expect(Page.Locator("[data-test=signed-in-as]")).ToHaveTextAsync(AdminEmail, new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task RepeatedWrongPasswords_LockTheAccount()
    {
        for (var i = 0; i < 5; i++) await SignInAsync(AdminEmail, "wrong-password-1A!");
        await Expect(Page.Locator("[data-test=login-error]")).ToContainTextAsync("locked");

        await SignInAsync(AdminEmail);
        await Expect(Page.Locator("[data-test=login-error]")).ToContainTextAsync("locked");
    }
}
