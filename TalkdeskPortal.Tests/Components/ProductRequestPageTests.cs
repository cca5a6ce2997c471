using Bunit;
using TalkdeskPortal.Components.Pages.Requests;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Product;
using TalkdeskPortal.Product.Events;
using TalkdeskPortal.Staff;

namespace TalkdeskPortal.Tests.Components;

/// <summary>A request whose approve waits for the partner's product, or that the product refused.</summary>
public sealed class ProductRequestPageTests : ComponentTestBase
{
    [Fact]
    public void RequestPage_WaitingForTheProduct_SaysSo_OffersApproveAnywayAndReject_AndLinksTheWebhook()
    {
        SignInAs("approver", StaffRoles.Approver);
        var request = Seed("silent", RequestState.AwaitingProduct);
        SetWaiting(request.Id, "Waiting for the product to accept tenant.provisioned", null);
        var deliveryId = AddDelivery(request, ProductDeliveryState.Retrying);

        var cut = Render<RequestPage>(p => p.Add(x => x.Id, request.Id));

        cut.WaitForAssertion(() => Assert.Contains("Waiting for the product to accept tenant.provisioned", cut.Find("[data-test=waiting-reason]").TextContent));
        Assert.Equal("Waiting for the product", cut.Find("[data-test=state-chip]").TextContent.Trim());
        Assert.Equal("Approve anyway", cut.Find("[data-test=approve]").TextContent.Trim());
        Assert.Single(cut.FindAll("[data-test=reject]"));
        // Its own component reads the deliveries: wait for it (on PostgreSQL the query is truly asynchronous).
        cut.WaitForAssertion(() => Assert.Contains("Product webhook: Retrying", cut.Find("[data-test=product-webhook-link]").TextContent));
        var link = cut.Find("[data-test=product-webhook-link]");
        Assert.Equal($"deliveries/{deliveryId}", link.GetAttribute("href"));
    }

    [Fact]
    public void RequestPage_RefusedByTheProduct_ShowsTheProductsDetail_ToStaff()
    {
        SignInAs("approver", StaffRoles.Approver);
        var request = Seed("refusedby", RequestState.AwaitingApproval);
        SetWaiting(request.Id, "The product refused tenant.provisioned (HTTP 422): no seat left on the shared cluster", ProductAnswer.Refused);
        AddDelivery(request, ProductDeliveryState.Refused);
        AddDelivery(request, ProductDeliveryState.Refused);

        var cut = Render<RequestPage>(p => p.Add(x => x.Id, request.Id));

        cut.WaitForAssertion(() => Assert.Contains("no seat left on the shared cluster", cut.Find("[data-test=waiting-reason]").TextContent));
        Assert.Equal("Approve anyway", cut.Find("[data-test=approve]").TextContent.Trim());
        Assert.Equal($"deliveries?request={request.Id}", cut.Find("[data-test=product-webhook-link]").GetAttribute("href"));
    }

    private void SetWaiting(long id, string reason, ProductAnswer? answer)
    {
        using var db = Db();
        var row = db.Requests.Single(r => r.Id == id);
        row.WaitingReason = reason;
        row.ProductAnswer = answer;
        db.SaveChanges();
    }

    private long AddDelivery(LifecycleRequest request, ProductDeliveryState state)
    {
        var now = DateTimeOffset.UtcNow;
        var delivery = new ProductDelivery
        {
            MessageId = "msg_" + Guid.NewGuid().ToString("N"), Type = ProductEventTypes.Provisioned, AccountId = request.AccountId,
            AccountName = request.AccountName, RequestId = request.Id, GatesApproval = true, State = state, CreatedAt = now, UpdatedAt = now, Body = "{}",
        };
        using var db = Db();
        db.ProductDeliveries.Add(delivery);
        db.SaveChanges();
        return delivery.Id;
    }
}
