using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using TalkdeskPortal.Components.Pages.Deliveries;
using TalkdeskPortal.Product;
using TalkdeskPortal.Product.Events;
using TalkdeskPortal.Staff;

namespace TalkdeskPortal.Tests.Components;

public sealed class DeliveriesPageTests : ComponentTestBase
{
    [Fact]
    public void List_ShowsEachDelivery_StateInWords_HoldsApprove_AndTheProductsReason()
    {
        SignInAs("viewer", StaffRoles.Viewer);
        SeedDelivery("acme", ProductDeliveryState.Delivered, status: 200);
        SeedDelivery("bolt", ProductDeliveryState.Refused, status: 422, error: "No seat left on the shared cluster", gates: true);
        SeedDelivery("core", ProductDeliveryState.Retrying, status: 503, error: "Service unavailable");

        var cut = Render<DeliveriesPage>();

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-test=delivery-link]").Count));
        var refused = cut.FindAll("tr").Single(r => r.TextContent.Contains("bolt"));
        Assert.Contains("Refused by the product", refused.TextContent);
        Assert.Contains("No seat left on the shared cluster", refused.TextContent);
        Assert.Contains("HTTP 422", refused.TextContent);
        Assert.Single(cut.FindAll("[data-test=holds-approve]"));
        Assert.Equal("Retrying", cut.FindAll("tr").Single(r => r.TextContent.Contains("core")).QuerySelector("[data-test=delivery-state]")!.TextContent.Trim());
        Assert.NotNull(cut.Find("[data-test=product-off]"));
    }

    [Fact]
    public void List_FollowsTheQueryString_StateAndRequest()
    {
        SignInAs("viewer", StaffRoles.Viewer);
        SeedDelivery("acme", ProductDeliveryState.Delivered, requestId: 41);
        SeedDelivery("bolt", ProductDeliveryState.Refused, requestId: 42);
        SeedDelivery("bolt", ProductDeliveryState.Delivered, requestId: 42);

        var nav = Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo("deliveries?state=Refused");
        var byState = Render<DeliveriesPage>();
        byState.WaitForAssertion(() => Assert.Single(byState.FindAll("[data-test=delivery-link]")));
        Assert.Contains("bolt", byState.Find("tbody tr").TextContent);

        nav.NavigateTo("deliveries?request=42");
        var byRequest = Render<DeliveriesPage>();
        byRequest.WaitForAssertion(() => Assert.Equal(2, byRequest.FindAll("[data-test=delivery-link]").Count));
        Assert.Contains("For request #42", byRequest.Find("[data-test=deliveries-request]").TextContent);
    }

    [Fact]
    public void Delivery_ShowsThePayload_InAFocusableRegion_AndEveryAttempt()
    {
        SignInAs("viewer", StaffRoles.Viewer);
        var id = SeedDelivery("acme", ProductDeliveryState.Delivered, status: 200, attempts: 2);

        var cut = Render<DeliveryPage>(p => p.Add(x => x.Id, id));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-test=delivery-payload]")));
        var payload = cut.Find("[data-test=delivery-payload]");
        Assert.Equal("0", payload.GetAttribute("tabindex"));
        Assert.Equal("region", payload.GetAttribute("role"));
        Assert.False(string.IsNullOrEmpty(payload.GetAttribute("aria-label")));
        Assert.Contains("\n  \"type\": \"tenant.provisioned\"", payload.TextContent); // pretty-printed
        Assert.Equal(["2", "1"], cut.FindAll("[data-test=attempt-number]").Select(n => n.TextContent.Trim()));
        Assert.Contains("alice@partner.example", cut.Find("[data-test=attempts]").TextContent);
        Assert.Contains("msg_acme", cut.Find("[data-test=webhook-id]").TextContent);
    }

    [Theory]
    [InlineData(StaffRoles.Viewer, false)]
    [InlineData(StaffRoles.Approver, true)]
    [InlineData(StaffRoles.Admin, true)]
    public void Resend_IsOffered_ToApproversAndAdmins_Only(string role, bool offered)
    {
        SignInAs(role.ToLowerInvariant(), role);
        var id = SeedDelivery("acme", ProductDeliveryState.Failed, error: "Connection refused");

        var cut = Render<DeliveryPage>(p => p.Add(x => x.Id, id));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-test=delivery-payload]")));
        Assert.Equal(offered ? 1 : 0, cut.FindAll("[data-test=resend]").Count);
        Assert.Contains("Connection refused", cut.Find("[data-test=delivery-error]").TextContent);
    }

    private long SeedDelivery(string account, ProductDeliveryState state, int? status = null, string? error = null,
        bool gates = false, long? requestId = null, int attempts = 1)
    {
        var now = DateTimeOffset.UtcNow;
        var delivery = new ProductDelivery
        {
            MessageId = $"msg_{account}_{Guid.NewGuid():N}", Type = ProductEventTypes.Provisioned, AccountId = "acc-" + account, AccountName = account,
            RequestId = requestId, GatesApproval = gates, State = state, Attempts = attempts, CreatedAt = now, UpdatedAt = now,
            LastStatusCode = status, LastError = error, DeliveredAt = state == ProductDeliveryState.Delivered ? now : null,
            NextAttemptAt = state == ProductDeliveryState.Retrying ? now.AddMinutes(2) : null,
            Body = "{\"type\":\"tenant.provisioned\",\"timestamp\":\"" + now.ToString("O") + "\",\"data\":{\"account_id\":\"acc-" + account + "\"}}",
        };
        for (var n = 1; n <= attempts; n++)
            delivery.AttemptLog.Add(new ProductDeliveryAttempt
            {
                Number = n, StartedAt = now.AddSeconds(n - attempts), DurationMs = 12 * n, StatusCode = n == attempts ? status : 503,
                Error = n == attempts ? error : "Service unavailable", Trigger = n == 1 ? "system" : "alice@partner.example",
            });
        using var db = Db();
        db.ProductDeliveries.Add(delivery);
        db.SaveChanges();
        return delivery.Id;
    }
}
