using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Tenants;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Lifecycle;

/// <summary>The tenant shows only what Talkdesk accepted: staged on the request, applied on approve, dropped otherwise.</summary>
public sealed class DecisionFollowsTenantTests : PortalTestBase
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Approval:Install"] = "Manual";
        settings["Approval:Update"] = "Manual";
        settings["Approval:Uninstall"] = "Manual";
    }

    [Fact]
    public async Task RejectedInstall_LeavesNoActiveTenant_AndNoCredentials()
    {
        var installation = Fake.CreateInstallation("declined");
        var waiting = await DeliverAsync(Fake.InstalledEvent(installation, Talkdesk.ApiRoot), RequestState.AwaitingApproval);
        await AssertNoTenantAsync(installation.AccountId); // nothing applied while staff decide

        Assert.Equal(DecisionOutcome.Accepted, await Portal.Get<ApprovalService>().RejectAsync(waiting.Id, "ops@example.com", "Not a customer of ours"));
        var rejected = await Portal.WaitForStateAsync(waiting.EventId, RequestState.Rejected);

        Assert.Null(rejected.ProtectedCredentials);
        Assert.Null(rejected.StagedJson);
        await AssertNoTenantAsync(installation.AccountId);
        await using var db = Portal.Db();
        Assert.False(await db.Credentials.AnyAsync(c => c.InstallationId == installation.InstallationId));
        Assert.Equal(1, DecisionsFor(installation, "reject"));
    }

    [Fact]
    public async Task RejectedUpdate_KeepsThePreviousPlanAndUsers_AndAnApprovedOneAppliesThem()
    {
        var installation = Fake.CreateInstallation("cautious", userCount: 3);
        await ApproveAsync(await DeliverAsync(Fake.InstalledEvent(installation, Talkdesk.ApiRoot), RequestState.AwaitingApproval));
        var before = await TenantAsync(installation.AccountId);
        var leaving = before.Users.First(u => !u.IsAdmin).TalkdeskUserId;
        var joining = Fake.AddUser(installation);

        var update = await DeliverAsync(Fake.UpdatedEvent(installation, Talkdesk.ApiRoot, [joining.Id], [leaving], "Paid Plus", 10), RequestState.AwaitingApproval);
        Assert.Equal(before.SubscriptionName, (await TenantAsync(installation.AccountId)).SubscriptionName); // staged, not applied
        await Portal.Get<ApprovalService>().RejectAsync(update.Id, "ops@example.com", "Plan not sold in this region");
        await Portal.WaitForStateAsync(update.EventId, RequestState.Rejected);

        var after = await TenantAsync(installation.AccountId);
        Assert.Equal(before.SubscriptionName, after.SubscriptionName);
        Assert.Equal(before.Licenses, after.Licenses);
        Assert.Equal(before.Users.Select(u => u.TalkdeskUserId).Order(), after.Users.Select(u => u.TalkdeskUserId).Order());

        var next = await DeliverAsync(Fake.UpdatedEvent(installation, Talkdesk.ApiRoot, [joining.Id], [leaving], "Paid Plus", 10), RequestState.AwaitingApproval);
        await ApproveAsync(next);
        var applied = await TenantAsync(installation.AccountId);
        Assert.Equal("Paid Plus", applied.SubscriptionName);
        Assert.Contains(applied.Users, u => u.TalkdeskUserId == joining.Id);
    }

    [Fact]
    public async Task RejectedUninstall_LeavesTheTenantActive_WithItsCredentials()
    {
        var installation = Fake.CreateInstallation("staying");
        await ApproveAsync(await DeliverAsync(Fake.InstalledEvent(installation, Talkdesk.ApiRoot), RequestState.AwaitingApproval));

        var uninstall = await DeliverAsync(Fake.UninstalledEvent(installation, Talkdesk.ApiRoot), RequestState.AwaitingApproval);
        await Portal.Get<ApprovalService>().RejectAsync(uninstall.Id, "ops@example.com", "Contract runs until March");
        await Portal.WaitForStateAsync(uninstall.EventId, RequestState.Rejected);

        Assert.Equal(TenantStatus.Active, (await TenantAsync(installation.AccountId)).Status);
        await using var db = Portal.Db();
        Assert.True(await db.Credentials.AnyAsync(c => c.InstallationId == installation.InstallationId));
        Assert.True(await db.Audit.AnyAsync(a => a.RequestId == uninstall.Id && a.Action == "tenant.unchanged"));
    }

    private async Task ApproveAsync(LifecycleRequest request)
    {
        Assert.Equal(DecisionOutcome.Accepted, await Portal.Get<ApprovalService>().ApproveAsync(request.Id, "ops@example.com"));
        await Portal.WaitForStateAsync(request.EventId, RequestState.Completed);
    }

    private async Task AssertNoTenantAsync(string accountId)
    {
        await using var db = Portal.Db();
        Assert.False(await db.Tenants.AnyAsync(t => t.TalkdeskAccountId == accountId && t.Status == TenantStatus.Active));
    }
}
