using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Product;
using TalkdeskPortal.Product.Jobs;
using TalkdeskPortal.Tenants;

namespace TalkdeskPortal.Tests.Product;

/// <summary>Product:ApproveWhen = ProductAccepted: Talkdesk hears the approve only once the product said yes.</summary>
public sealed class ProductAcceptedTests : ProductTestBase
{
    protected override string ApproveWhen => "ProductAccepted";

    protected override void Configure(Dictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Product:RetrySchedule:0"] = "00:00:00.200";
    }

    [Fact]
    public async Task ProductDownForAWhile_TheTalkdeskApproveWaits_UntilTheProductAccepts()
    {
        Product.DownFor(3);
        var installation = Fake.CreateInstallation("patient");
        var evt = Fake.InstalledEvent(installation, Talkdesk.ApiRoot);
        var waiting = await DeliverAsync(evt, RequestState.AwaitingProduct);
        Assert.Contains("Waiting for the product", waiting.WaitingReason);

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var delivery = await WaitForDeliveryAsync(d => d.Attempts == attempt);
            Assert.Equal(ProductDeliveryState.Retrying, delivery.State);
            Assert.Equal(503, delivery.LastStatusCode);
            Assert.Empty(Fake.Decisions); // nothing reaches Talkdesk while the product is down
            Assert.Equal(RequestState.AwaitingProduct, (await Portal.WaitForRequestAsync(waiting.EventId, _ => true)).State);
            await Task.Delay(300);
            await Portal.Get<ProductDeliveryJob>().RunAsync(delivery.Id, CancellationToken.None); // what Hangfire does when due
        }

        var done = await Portal.WaitForStateAsync(waiting.EventId, RequestState.Completed);
        Assert.Equal(1, DecisionsFor(installation));
        var accepted = Product.Received.Single(r => r.Answered == 204);
        Assert.True(Fake.Decisions.Single().At >= accepted.At.AddMilliseconds(-50), "the approve left after the product accepted");
        Assert.Equal(ProductAnswer.Accepted, done.ProductAnswer);
        Assert.Equal(4, Product.Received.Count);
        Assert.Single(Product.Received.Select(r => r.Id).Distinct()); // every retry carries the same webhook-id
        Assert.Equal(TenantStatus.Active, (await TenantAsync(installation.AccountId)).Status);
        await using var db = Portal.Db();
        Assert.Equal(1, await db.ProductDeliveries.CountAsync()); // the approve made no second webhook
    }

    [Fact]
    public async Task ProductRefuses_TheRequestWaitsForStaff_WithTheProductsDetail_AndStaffMayApproveAnyway()
    {
        Product.Refusal = (422, "No capacity in region eu-2 for this customer");
        var installation = Fake.CreateInstallation("refused");
        var evt = Fake.InstalledEvent(installation, Talkdesk.ApiRoot);
        await Portal.PostEventAsync(evt);

        var waiting = await Portal.WaitForStateAsync(PortalEventId(evt), RequestState.AwaitingApproval);
        Assert.Contains("No capacity in region eu-2 for this customer", waiting.WaitingReason);
        Assert.Contains("422", waiting.WaitingReason);
        Assert.Equal(ProductAnswer.Refused, waiting.ProductAnswer);
        Assert.Null(waiting.Decision);
        Assert.Empty(Fake.Decisions);
        var delivery = await WaitForDeliveryAsync(d => d.State == ProductDeliveryState.Refused);
        Assert.Equal(1, delivery.Attempts); // a refusal is an answer: not retried

        Assert.Equal(DecisionOutcome.Accepted, await Portal.Get<ApprovalService>().ApproveAsync(waiting.Id, "ops@example.com"));
        var done = await Portal.WaitForStateAsync(waiting.EventId, RequestState.Completed);
        Assert.Equal("ops@example.com", done.DecidedBy);
        Assert.Equal(1, DecisionsFor(installation));
        Assert.Single(Product.Received); // approving anyway does not ask the product again
    }

    [Fact]
    public async Task ProductRefuses_StaffRejectWithAReason_AndTalkdeskHearsTheReject()
    {
        Product.Refusal = (409, "Customer already exists in another region");
        var installation = Fake.CreateInstallation("rejectme");
        var evt = Fake.InstalledEvent(installation, Talkdesk.ApiRoot);
        await Portal.PostEventAsync(evt);
        var waiting = await Portal.WaitForStateAsync(PortalEventId(evt), RequestState.AwaitingApproval);

        await Portal.Get<ApprovalService>().RejectAsync(waiting.Id, "ops@example.com", "Duplicate customer");

        await Portal.WaitForStateAsync(waiting.EventId, RequestState.Rejected);
        Assert.Equal(1, DecisionsFor(installation, "reject"));
        Assert.Equal(0, DecisionsFor(installation));
        await using var db = Portal.Db();
        Assert.False(await db.Tenants.AnyAsync(t => t.TalkdeskAccountId == installation.AccountId));
    }

    [Fact]
    public async Task ManualPolicy_AStaffApprove_AsksTheProductFirst()
    {
        await Portal.Get<PolicyStore>().SaveAsync(new ApprovalOptions { Install = ApprovalMode.Manual }, "ops@example.com");
        Product.DownFor(1);
        var installation = Fake.CreateInstallation("manualproduct");
        var waiting = await DeliverAsync(Fake.InstalledEvent(installation, Talkdesk.ApiRoot), RequestState.AwaitingApproval);
        Assert.Empty(Product.Received); // nothing goes to the product before a person decided

        await Portal.Get<ApprovalService>().ApproveAsync(waiting.Id, "ops@example.com");
        var asked = await Portal.WaitForStateAsync(waiting.EventId, RequestState.AwaitingProduct);
        Assert.Equal("ops@example.com", asked.DecidedBy);
        var delivery = await WaitForDeliveryAsync(d => d.State == ProductDeliveryState.Retrying);
        Assert.Empty(Fake.Decisions);

        await Task.Delay(300);
        await Portal.Get<ProductDeliveryJob>().RunAsync(delivery.Id, CancellationToken.None);
        await Portal.WaitForStateAsync(waiting.EventId, RequestState.Completed);
        Assert.Equal(1, DecisionsFor(installation));
    }

    [Fact]
    public async Task AnUpdate_AlsoWaitsForTheProduct()
    {
        var installation = Fake.CreateInstallation("updatewaits");
        await DeliverAsync(Fake.InstalledEvent(installation, Talkdesk.ApiRoot), RequestState.Completed);
        Product.Refusal = (422, "Plan not sold in this region");

        var evt = Fake.UpdatedEvent(installation, Talkdesk.ApiRoot, null, null, "Enterprise", 50);
        await Portal.PostEventAsync(evt);
        var waiting = await Portal.WaitForStateAsync(PortalEventId(evt), RequestState.AwaitingApproval);
        Assert.Contains("Plan not sold in this region", waiting.WaitingReason);
        Assert.Equal(1, DecisionsFor(installation)); // only the install's
        Assert.NotEqual("Enterprise", (await TenantAsync(installation.AccountId)).SubscriptionName);
    }

    private static string PortalEventId(System.Text.Json.Nodes.JsonObject evt) => evt["id"]!.GetValue<string>();
}
