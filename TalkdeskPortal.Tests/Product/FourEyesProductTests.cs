using TalkdeskPortal.Lifecycle;

namespace TalkdeskPortal.Tests.Product;

/// <summary>Four eyes under Product:ApproveWhen = ProductAccepted: "Approve anyway" after a refusal is a new decision.</summary>
public sealed class FourEyesProductTests : ProductTestBase
{
    protected override string ApproveWhen => "ProductAccepted";

    [Fact]
    public async Task ProductRefused_ApproveAnyway_NeedsTwoPeople_AndTalkdeskHearsOneApprove()
    {
        await Portal.Get<PolicyStore>().SaveAsync(new ApprovalOptions { RequireTwoApprovers = true }, "ops@example.com");
        Product.Refusal = (422, "No capacity in region eu-2");
        var installation = Fake.CreateInstallation("anywaytwice");
        var evt = Fake.InstalledEvent(installation, Talkdesk.ApiRoot);
        await Portal.PostEventAsync(evt);
        var refused = await Portal.WaitForStateAsync(evt["id"]!.GetValue<string>(), RequestState.AwaitingApproval);
        var approvals = Portal.Get<ApprovalService>();

        Assert.Equal(DecisionOutcome.FirstRecorded, await approvals.ApproveAsync(refused.Id, "alice@partner.example"));
        Assert.Equal(DecisionOutcome.SameApprover, await approvals.ApproveAsync(refused.Id, "alice@partner.example"));
        await Task.Delay(300);
        Assert.Empty(Fake.Decisions);

        Assert.Equal(DecisionOutcome.Accepted, await approvals.ApproveAsync(refused.Id, "bob@partner.example"));
        await Portal.WaitForStateAsync(refused.EventId, RequestState.Completed);
        Assert.Equal(1, DecisionsFor(installation));
        Assert.Single(Product.Received); // the second approval overrules the product; it is not asked again
    }

    [Fact]
    public async Task ManualPolicy_TheSecondApprovalAsksTheProduct_TheFirstDoesNot()
    {
        await Portal.Get<PolicyStore>().SaveAsync(new ApprovalOptions { Install = ApprovalMode.Manual, RequireTwoApprovers = true }, "ops@example.com");
        var installation = Fake.CreateInstallation("asksecond");
        var evt = Fake.InstalledEvent(installation, Talkdesk.ApiRoot);
        var waiting = await DeliverAsync(evt, RequestState.AwaitingApproval);
        var approvals = Portal.Get<ApprovalService>();

        Assert.Equal(DecisionOutcome.FirstRecorded, await approvals.ApproveAsync(waiting.Id, "alice@partner.example"));
        await Task.Delay(300);
        Assert.Empty(Product.Received);

        Assert.Equal(DecisionOutcome.Accepted, await approvals.ApproveAsync(waiting.Id, "bob@partner.example"));
        var done = await Portal.WaitForStateAsync(waiting.EventId, RequestState.Completed);
        Assert.Single(Product.Received);
        Assert.Equal(1, DecisionsFor(installation));
        Assert.Equal("bob@partner.example", done.DecidedBy);
    }
}
