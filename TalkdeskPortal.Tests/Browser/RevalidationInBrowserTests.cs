using Microsoft.Playwright;
using Microsoft.Extensions.DependencyInjection;
using TalkdeskPortal.Staff;

namespace TalkdeskPortal.Tests.Browser;

/// <summary>With a short revalidation interval, a lock-out signs the open tab out by itself.</summary>
public sealed class RevalidationInBrowserTests(BrowserFixture browser) : BrowserTestBase(browser)
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["Staff:RevalidationInterval"] = "00:00:01";

    [Fact]
    public async Task LockedOutStaff_OpenTab_IsSentToSignIn_WithinTheInterval()
    {
        await AddStaffAsync("leaving@test.example", StaffRoles.Approver);
        await SignInAsync("leaving@test.example");
        await OpenAsync("/queue");

        var staff = Portal.Services.GetRequiredService<StaffAdmin>();
        var member = (await staff.ListAsync()).Single(m => m.Email == "leaving@test.example");
        Assert.Empty(await staff.LockAsync(member.Id, AdminEmail));

        await Page.WaitForURLAsync("**/account/login**", new() { WaitUntil = WaitUntilState.Commit, Timeout = 30_000 });
        await Page.GotoAsync($"{BaseUrl}/queue");
        Assert.Contains("/account/login", Page.Url);
    }
}
