using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Lifecycle;

public sealed class ManualInstallPolicyTests : PortalTestBase
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["Approval:Install"] = "Manual";

    [Fact]
    public async Task ManualPolicy_LeavesInstallAwaitingApproval_UntilStaffApprove()
    {
        var installation = Fake.CreateInstallation("held");
        var evt = Fake.InstalledEvent(installation, Talkdesk.ApiRoot);

        var waiting = await DeliverAsync(evt, RequestState.AwaitingApproval);
        Assert.Contains("wait for staff", waiting.WaitingReason);
        await Task.Delay(300);
        Assert.Empty(Fake.Decisions);

        var outcome = await Portal.Get<ApprovalService>().ApproveAsync(waiting.Id, "alice@partner.example");
        Assert.Equal(DecisionOutcome.Accepted, outcome);
        var done = await Portal.WaitForStateAsync(PortalApp.EventId(evt), RequestState.Completed);
        Assert.Equal("alice@partner.example", done.DecidedBy);
        Assert.Equal(1, DecisionsFor(installation));
    }

    [Fact]
    public async Task StaffReject_NeedsAReason_AndSendsIt()
    {
        var installation = Fake.CreateInstallation("refused");
        var evt = Fake.InstalledEvent(installation, Talkdesk.ApiRoot);
        var waiting = await DeliverAsync(evt, RequestState.AwaitingApproval);
        var approvals = Portal.Get<ApprovalService>();

        Assert.Equal(DecisionOutcome.ReasonRequired, await approvals.RejectAsync(waiting.Id, "bob", " "));
        Assert.Equal(DecisionOutcome.Accepted, await approvals.RejectAsync(waiting.Id, "bob", "Not a customer of ours"));
        Assert.Equal(DecisionOutcome.NotAwaitingDecision, await approvals.ApproveAsync(waiting.Id, "carol"));

        await Portal.WaitForStateAsync(PortalApp.EventId(evt), RequestState.Rejected);
        var decision = Assert.Single(Fake.Decisions);
        Assert.Equal("reject", decision.State);
        Assert.Equal("Not a customer of ours", decision.Reason);
    }
}

public sealed class LicensedUserRuleTests : PortalTestBase
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["Approval:ManualAboveLicensedUsers"] = "2";

    [Fact]
    public async Task InstallWithMoreLicensedUsersThanTheLimit_WaitsForStaff()
    {
        var small = Fake.CreateInstallation("small", userCount: 2);
        await DeliverAsync(Fake.InstalledEvent(small, Talkdesk.ApiRoot), RequestState.Completed);

        var large = Fake.CreateInstallation("large", userCount: 3);
        var waiting = await DeliverAsync(Fake.InstalledEvent(large, Talkdesk.ApiRoot), RequestState.AwaitingApproval);

        Assert.Contains("3 licensed users exceed the limit of 2", waiting.WaitingReason);
        Assert.Equal(0, DecisionsFor(large));
    }
}
