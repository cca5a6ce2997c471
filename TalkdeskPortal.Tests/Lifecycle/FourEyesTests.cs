using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Sandbox;
using TalkdeskPortal.Talkdesk;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Lifecycle;

/// <summary>Approval:RequireTwoApprovers: two different people decide; only the second decision reaches Talkdesk.</summary>
public sealed class FourEyesTests : PortalTestBase
{
    private const string Alice = "alice@partner.example";
    private const string Bob = "bob@partner.example";

    private ApprovalService Approvals => Portal.Get<ApprovalService>();

    private Task RequireTwoAsync(bool on = true, ApprovalMode install = ApprovalMode.Manual) =>
        Portal.Get<PolicyStore>().SaveAsync(new ApprovalOptions { Install = install, RequireTwoApprovers = on }, "ops@example.com");

    private async Task<(FakeInstallation Installation, LifecycleRequest Request)> WaitingAsync(string account)
    {
        var installation = Fake.CreateInstallation(account);
        return (installation, await DeliverAsync(Fake.InstalledEvent(installation, Talkdesk.ApiRoot), RequestState.AwaitingApproval));
    }

    private async Task<LifecycleRequest> ReloadAsync(long id)
    {
        await using var db = Portal.Db();
        return await db.Requests.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    private async Task<List<string>> AuditAsync(long id, string action)
    {
        await using var db = Portal.Db();
        return await db.Audit.Where(a => a.RequestId == id && a.Action == action).OrderBy(a => a.Id).Select(a => a.Actor + ": " + a.Detail).ToListAsync();
    }

    [Fact]
    public async Task FirstApprove_SendsNothing_TheSamePersonIsRefused_AndASecondPersonCompletesIt_WithOneApprove()
    {
        await RequireTwoAsync();
        var (installation, waiting) = await WaitingAsync("foureyes");

        Assert.Equal(DecisionOutcome.FirstRecorded, await Approvals.ApproveAsync(waiting.Id, Alice));
        var first = await ReloadAsync(waiting.Id);
        Assert.Equal(RequestState.AwaitingApproval, first.State);
        Assert.Equal(InstallationDecision.Approve, first.FirstDecision);
        Assert.Equal(Alice, first.FirstDecisionBy);
        Assert.NotNull(first.FirstDecisionAt);
        Assert.Null(first.Decision);
        Assert.Equal($"{Alice}: approved by {Alice}, waiting for a second approver", Assert.Single(await AuditAsync(waiting.Id, "decision.first-approval")));

        Assert.Equal(DecisionOutcome.SameApprover, await Approvals.ApproveAsync(waiting.Id, Alice));
        Assert.Equal(DecisionOutcome.SameApprover, await Approvals.ApproveAsync(waiting.Id, "ALICE@partner.example")); // one person, any case
        await Task.Delay(300);
        Assert.Empty(Fake.Decisions);
        var unchanged = await ReloadAsync(waiting.Id);
        Assert.Equal((RequestState.AwaitingApproval, first.FirstDecisionAt, first.UpdatedAt), (unchanged.State, unchanged.FirstDecisionAt, unchanged.UpdatedAt));

        Assert.Equal(DecisionOutcome.Accepted, await Approvals.ApproveAsync(waiting.Id, Bob));
        var done = await Portal.WaitForStateAsync(waiting.EventId, RequestState.Completed);
        await Task.Delay(300);
        Assert.Equal(1, DecisionsFor(installation));
        Assert.Single(Fake.Decisions);
        Assert.Equal(Bob, done.DecidedBy);
        Assert.Null(done.FirstDecision); // spent
        Assert.Contains($"first: {Alice}", Assert.Single(await AuditAsync(waiting.Id, "decision.approved")));
    }

    [Fact]
    public async Task TwoRejectsWithReasons_TheSecondIsSent_AndTheAuditKeepsBoth()
    {
        await RequireTwoAsync();
        var (installation, waiting) = await WaitingAsync("tworejects");

        Assert.Equal(DecisionOutcome.FirstRecorded, await Approvals.RejectAsync(waiting.Id, Alice, "Unknown customer"));
        Assert.Equal(DecisionOutcome.SameApprover, await Approvals.RejectAsync(waiting.Id, Alice, "Still unknown"));
        Assert.Equal("Unknown customer", (await ReloadAsync(waiting.Id)).FirstDecisionReason);
        Assert.Empty(Fake.Decisions);

        Assert.Equal(DecisionOutcome.Accepted, await Approvals.RejectAsync(waiting.Id, Bob, "Not a customer of ours"));
        await Portal.WaitForStateAsync(waiting.EventId, RequestState.Rejected);
        var sent = Assert.Single(Fake.Decisions);
        Assert.Equal(("reject", "Not a customer of ours"), (sent.State, sent.Reason));
        Assert.Equal($"{Alice}: rejected by {Alice}: Unknown customer, waiting for a second approver",
            Assert.Single(await AuditAsync(waiting.Id, "decision.first-rejection")));
        var second = Assert.Single(await AuditAsync(waiting.Id, "decision.rejected"));
        Assert.Contains("Unknown customer", second);
        Assert.Contains("Not a customer of ours", second);
        Assert.Equal(0, DecisionsFor(installation));
    }

    [Fact]
    public async Task TheOtherDecision_ReplacesTheFirst_AndWaitsAgainForASecondPerson()
    {
        await RequireTwoAsync();
        var (installation, waiting) = await WaitingAsync("changeofmind");

        Assert.Equal(DecisionOutcome.FirstRecorded, await Approvals.ApproveAsync(waiting.Id, Alice));
        Assert.Equal(DecisionOutcome.FirstRecorded, await Approvals.RejectAsync(waiting.Id, Bob, "Contract not signed"));

        var replaced = await ReloadAsync(waiting.Id);
        Assert.Equal((RequestState.AwaitingApproval, InstallationDecision.Reject, Bob), (replaced.State, replaced.FirstDecision, replaced.FirstDecisionBy));
        Assert.Contains($"replaces the approval by {Alice}", Assert.Single(await AuditAsync(waiting.Id, "decision.first-rejection")));
        Assert.Equal(DecisionOutcome.SameApprover, await Approvals.RejectAsync(waiting.Id, Bob, "again"));
        Assert.Empty(Fake.Decisions);

        Assert.Equal(DecisionOutcome.Accepted, await Approvals.RejectAsync(waiting.Id, Alice, "Agreed: no contract"));
        await Portal.WaitForStateAsync(waiting.EventId, RequestState.Rejected);
        Assert.Equal(1, DecisionsFor(installation, "reject"));
    }

    [Fact]
    public async Task TwoFirstApproversRacing_OnlyOneIsRecorded_AndTheLoserLearnsIt()
    {
        await RequireTwoAsync();
        var (_, waiting) = await WaitingAsync("racingfirst");
        await using var aliceDb = Portal.Db();
        await using var bobDb = Portal.Db();
        var seenByAlice = await aliceDb.Requests.SingleAsync(r => r.Id == waiting.Id);
        var seenByBob = await bobDb.Requests.SingleAsync(r => r.Id == waiting.Id); // both read "no first decision"
        var fourEyes = Portal.Get<FourEyes>();

        Assert.True(await fourEyes.RecordFirstAsync(aliceDb, seenByAlice, InstallationDecision.Approve, Alice, null, default));
        Assert.False(await fourEyes.RecordFirstAsync(bobDb, seenByBob, InstallationDecision.Approve, Bob, null, default));

        var row = await ReloadAsync(waiting.Id);
        Assert.Equal(Alice, row.FirstDecisionBy);
        Assert.Single(await AuditAsync(waiting.Id, "decision.first-approval"));
    }

    [Fact]
    public async Task ManyApproversAtOnce_OneFirst_AtMostOneSecond_AndTalkdeskHearsAtMostOneApprove()
    {
        await RequireTwoAsync();
        var (installation, waiting) = await WaitingAsync("stampede");

        var people = Enumerable.Range(1, 8).Select(i => $"approver{i}@partner.example").Append(Alice).Append(Alice);
        var outcomes = await Task.WhenAll(people.Select(p => Task.Run(() => Approvals.ApproveAsync(waiting.Id, p))));

        Assert.Equal(1, outcomes.Count(o => o == DecisionOutcome.FirstRecorded));
        Assert.True(outcomes.Count(o => o == DecisionOutcome.Accepted) <= 1, string.Join(", ", outcomes));
        Assert.Single(await AuditAsync(waiting.Id, "decision.first-approval"));
        if (outcomes.Contains(DecisionOutcome.Accepted))
        {
            var done = await Portal.WaitForStateAsync(waiting.EventId, RequestState.Completed);
            Assert.NotEqual(Assert.Single(await AuditAsync(waiting.Id, "decision.first-approval")).Split(':')[0], done.DecidedBy);
        }
        await Task.Delay(300);
        Assert.True(DecisionsFor(installation) <= 1);
    }

    [Fact]
    public async Task OffByDefault_OneApproveIsSent()
    {
        Assert.False(Portal.Get<PolicyStore>().Current.RequireTwoApprovers);
        await RequireTwoAsync(on: false);
        var (installation, waiting) = await WaitingAsync("oneapprover");

        Assert.Equal(DecisionOutcome.Accepted, await Approvals.ApproveAsync(waiting.Id, Alice));

        var done = await Portal.WaitForStateAsync(waiting.EventId, RequestState.Completed);
        Assert.Equal(1, DecisionsFor(installation));
        Assert.Null(done.FirstDecision);
        Assert.Empty(await AuditAsync(waiting.Id, "decision.first-approval"));
    }

    [Fact]
    public async Task AutoApprovals_AreUnaffected()
    {
        await RequireTwoAsync(install: ApprovalMode.Auto);
        var installation = Fake.CreateInstallation("autostill");

        var done = await DeliverAsync(Fake.InstalledEvent(installation, Talkdesk.ApiRoot), RequestState.Completed);

        Assert.Equal(1, DecisionsFor(installation));
        Assert.Null(done.FirstDecision);
    }

    [Fact]
    public async Task BulkApprove_ByOnePersonRecordsFirstApprovals_AndByASecondCompletesThem()
    {
        await RequireTwoAsync();
        var waiting = new List<(FakeInstallation Installation, LifecycleRequest Request)>();
        foreach (var account in new[] { "bulk-a", "bulk-b", "bulk-c" }) waiting.Add(await WaitingAsync(account));
        var ids = waiting.Select(w => w.Request.Id).ToList();

        // What the Queue's "Approve selected" does, one approve per selected request.
        var byAlice = new List<DecisionOutcome>();
        foreach (var id in ids) byAlice.Add(await Approvals.ApproveAsync(id, Alice));
        var again = new List<DecisionOutcome>();
        foreach (var id in ids) again.Add(await Approvals.ApproveAsync(id, Alice));
        Assert.All(byAlice, o => Assert.Equal(DecisionOutcome.FirstRecorded, o));
        Assert.All(again, o => Assert.Equal(DecisionOutcome.SameApprover, o));
        Assert.Empty(Fake.Decisions);

        var byBob = new List<DecisionOutcome>();
        foreach (var id in ids) byBob.Add(await Approvals.ApproveAsync(id, Bob));
        Assert.All(byBob, o => Assert.Equal(DecisionOutcome.Accepted, o));
        foreach (var (installation, request) in waiting)
        {
            await Portal.WaitForStateAsync(request.EventId, RequestState.Completed);
            Assert.Equal(1, DecisionsFor(installation));
        }
    }

    [Fact]
    public async Task ThePolicySwitch_IsSaved_ReadBack_AndAudited()
    {
        await RequireTwoAsync();

        await Portal.Get<PolicyStore>().LoadAsync();

        Assert.True(Portal.Get<PolicyStore>().Current.RequireTwoApprovers);
        await using var db = Portal.Db();
        Assert.True((await db.Policy.SingleAsync()).RequireTwoApprovers);
        var audit = await db.Audit.Where(a => a.Action == "policy.changed").OrderBy(a => a.Id).Select(a => a.Detail).ToListAsync();
        Assert.Contains("two approvers for staff decisions", audit.Last());
    }
}
