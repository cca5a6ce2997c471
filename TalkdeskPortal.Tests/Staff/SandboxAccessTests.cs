using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TalkdeskPortal.Staff;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Staff;

public sealed class SandboxAccessTests : PortalTestBase
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Staff:BootstrapAdminEmail"] = StaffHttp.AdminEmail;
        settings["Staff:BootstrapAdminPassword"] = StaffHttp.Password;
    }

    [Theory]
    [InlineData(StaffRoles.Viewer)]
    [InlineData(StaffRoles.Approver)]
    public async Task SandboxPage_IsDenied_ToAnyoneButAnAdmin(string role)
    {
        var email = $"{role.ToLowerInvariant()}@test.example";
        Assert.Empty(await Portal.Services.GetRequiredService<StaffAdmin>().CreateAsync(email, null, StaffHttp.Password, role, "test"));
        using var staff = await StaffHttp.SignInAsync(Portal, email);

        using var response = await staff.Client.GetAsync("/sandbox");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Contains("/account/denied", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task SandboxPage_OpensForAnAdmin()
    {
        using var staff = await StaffHttp.SignInAsync(Portal);

        using var response = await staff.Client.GetAsync("/sandbox");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
