using System.Net;
using System.Net.Http.Headers;
using Microsoft.Playwright;
using TalkdeskPortal.Product.Events;
using TalkdeskPortal.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace TalkdeskPortal.Tests.TenantApi;

public sealed class ApiKeysInBrowserTests(BrowserFixture browser) : BrowserTestBase(browser)
{
    [Fact]
    public async Task Admin_CreatesAKey_SeesItOnce_RevokesIt_AndReadsTheApiReference()
    {
        var offSite = new List<string>();
        var consoleErrors = new List<string>();
        Page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(BaseUrl, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal)) offSite.Add(request.Url);
        };
        Page.Console += (_, message) => { if (message.Type == "error") consoleErrors.Add(message.Text); };
        await Page.SetViewportSizeAsync(1280, 900);
        await SignInAsync(AdminEmail);
        await OpenAsync("/api-keys");

        await Page.ClickAsync("[data-test=add-api-key]");
        await Page.GetByLabel("Name").FillAsync("crm production");
        await Page.ClickAsync("[data-test=api-key-create]");
        var shown = Page.Locator("#new-api-key");
        await Expect(shown).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^tdp_[A-Za-z0-9_-]{43}$"));
        var key = await shown.InputValueAsync();
        await Expect(Page.GetByText("It is shown only once")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Copy the key" })).ToBeVisibleAsync();
        await ScreenshotAsync("api-key-created");
        await Page.ClickAsync("[data-test=api-key-done]");
        await Expect(shown).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.OK, await CallAsync(key));

        var rows = Page.Locator("[data-test=api-keys] tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("crm production");
        await Expect(rows.First).ToContainTextAsync(key[..12]);
        await Expect(rows.First).ToContainTextAsync("Active");
        Assert.DoesNotContain(key[12..], await Page.ContentAsync()); // shown once: the page no longer has it
        await ScreenshotAsync("api-keys");
        await SaveDocsScreenshotAsync("screenshot-api-keys.png");

        await Page.GetByRole(AriaRole.Button, new() { Name = $"Revoke the key crm production ({key[..12]}…)" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }).ClickAsync();
        await Expect(rows.First.Locator("[data-test=api-key-status]")).ToContainTextAsync("Revoked");
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(key));

        await Page.SetViewportSizeAsync(390, 844);
        await ScreenshotAsync("api-keys-390");
        await Page.SetViewportSizeAsync(1280, 900);

        await Page.GotoAsync($"{BaseUrl}/api/reference");
        await Expect(Page.GetByText("TalkdeskPortal tenant API").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(Page.GetByText("List tenants").First).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Webhooks" }).First.ClickAsync();
        await Expect(Page.GetByText(ProductEventTypes.TrialChanged).First).ToBeVisibleAsync();
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await ScreenshotAsync("api-reference");
        await SaveDocsScreenshotAsync("screenshot-api-reference.png", fullPage: false);
        Assert.Empty(offSite);
        Assert.DoesNotContain(consoleErrors, e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
    }

    private async Task<HttpStatusCode> CallAsync(string key)
    {
        using var client = new HttpClient { BaseAddress = Portal.Http.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await client.GetAsync("/api/v1/tenants");
        return response.StatusCode;
    }

    // Written next to the test binaries; the committed copies in docs/ are these, looked at and chosen by hand.
    private async Task SaveDocsScreenshotAsync(string name, bool fullPage = true)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots", "docs");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = fullPage });
    }
}
