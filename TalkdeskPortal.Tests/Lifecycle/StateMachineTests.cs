using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Lifecycle;

public sealed class StateMachineTests : PortalTestBase
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["Approval:Install"] = "Manual";

    [Fact]
    public async Task TwoWritersRacingTheSameMove_ExactlyOneWins_AndTheLoserChangesNothing()
    {
        var waiting = await DeliverAsync(Fake.InstalledEvent(Fake.CreateInstallation("race"), Talkdesk.ApiRoot), RequestState.AwaitingApproval);
        var machine = Portal.Get<RequestStateMachine>();
        await using var first = Portal.Db();
        await using var second = Portal.Db();
        var a = await first.Requests.SingleAsync(r => r.Id == waiting.Id);
        var b = await second.Requests.SingleAsync(r => r.Id == waiting.Id);

        var staff = await machine.MoveAsync(first, a, RequestTrigger.StaffReject, CancellationToken.None,
            r => { r.Decision = TalkdeskPortal.Talkdesk.InstallationDecision.Reject; r.DecisionReason = "no"; }, actor: "ops@example.com");
        var sweep = await machine.MoveAsync(second, b, RequestTrigger.Expire, CancellationToken.None);

        Assert.True(staff);
        Assert.False(sweep);
        await using var db = Portal.Db();
        var row = await db.Requests.AsNoTracking().SingleAsync(r => r.Id == waiting.Id);
        Assert.NotEqual(RequestState.Expired, row.State);
        Assert.False(await db.Audit.AnyAsync(a => a.RequestId == waiting.Id && a.Action == "request.expired"));
    }

    [Fact]
    public async Task ConcurrentApproves_OneIsAccepted_TheOtherIsTold()
    {
        var installation = Fake.CreateInstallation("doubleclick");
        var waiting = await DeliverAsync(Fake.InstalledEvent(installation, Talkdesk.ApiRoot), RequestState.AwaitingApproval);
        var approvals = Portal.Get<ApprovalService>();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => approvals.ApproveAsync(waiting.Id, $"staff{i}@example.com"))));

        Assert.Equal(1, outcomes.Count(o => o == DecisionOutcome.Accepted));
        Assert.Equal(3, outcomes.Count(o => o == DecisionOutcome.NotAwaitingDecision));
        await Portal.WaitForStateAsync(waiting.EventId, RequestState.Completed);
        Assert.Equal(1, DecisionsFor(installation));
    }

    [Fact]
    public async Task AMoveTheTableDoesNotHave_IsRefused()
    {
        var waiting = await DeliverAsync(Fake.InstalledEvent(Fake.CreateInstallation("illegal"), Talkdesk.ApiRoot), RequestState.AwaitingApproval);
        await using var db = Portal.Db();
        var row = await db.Requests.SingleAsync(r => r.Id == waiting.Id);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Portal.Get<RequestStateMachine>().MoveAsync(db, row, RequestTrigger.Approved, CancellationToken.None));
    }
}
