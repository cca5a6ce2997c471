using System.Net;
using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Staff;

/// <summary>A signed-in Approver's cookie rides along on any same-site POST; the token is what proves the page sent it.</summary>
public sealed class AntiforgeryTests : PortalTestBase
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Approval:Install"] = "Manual";
        settings["Staff:BootstrapAdminEmail"] = StaffHttp.AdminEmail;
        settings["Staff:BootstrapAdminPassword"] = StaffHttp.Password;
    }

    [Theory]
    [InlineData("approve")]
    [InlineData("reject")]
    [InlineData("retry")]
    public async Task StaffAction_WithoutAToken_Is400_AndChangesNothing(string action)
    {
        var held = await HeldAsync("forged" + action);
        using var staff = await StaffHttp.SignInAsync(Portal);
        var auditBefore = await AuditCountAsync(held.Id);

        using var response = await staff.Client.PostAsync($"/requests/{held.Id}/{action}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "forged elsewhere" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var after = await Portal.WaitForRequestAsync(held.EventId, _ => true);
        Assert.Equal(RequestState.AwaitingApproval, after.State);
        Assert.Null(after.DecidedBy);
        Assert.Equal(auditBefore, await AuditCountAsync(held.Id));
        Assert.Empty(Fake.Decisions);
    }

    [Fact]
    public async Task Approve_WithThePagesToken_InTheHeader_IsAccepted()
    {
        var held = await HeldAsync("scripted");
        using var staff = await StaffHttp.SignInAsync(Portal);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/requests/{held.Id}/approve");
        request.Headers.Add("RequestVerificationToken", await staff.TokenAsync());

        using var response = await staff.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(StaffHttp.AdminEmail, (await Portal.WaitForStateAsync(held.EventId, RequestState.Completed)).DecidedBy);
    }

    [Fact]
    public async Task SignOut_WithoutAToken_Is400_AndTheSessionStays()
    {
        using var staff = await StaffHttp.SignInAsync(Portal);

        using var response = await staff.Client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.Client.GetAsync("/queue")).StatusCode);
    }

    [Fact]
    public async Task HangfireDashboardPost_WithoutAToken_IsRefused_ByHangfiresOwnCheck()
    {
        using var staff = await StaffHttp.SignInAsync(Portal);

        using var response = await staff.Client.PostAsync("/hangfire/recurring/trigger",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["jobs[]"] = "lifecycle-sweep" }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<LifecycleRequest> HeldAsync(string account) =>
        await DeliverAsync(Fake.InstalledEvent(Fake.CreateInstallation(account), Talkdesk.ApiRoot), RequestState.AwaitingApproval);

    private async Task<int> AuditCountAsync(long requestId)
    {
        await using var db = Portal.Db();
        return await db.Audit.CountAsync(a => a.RequestId == requestId);
    }
}
