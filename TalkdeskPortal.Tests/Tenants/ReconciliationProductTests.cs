using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Product.Events;
using TalkdeskPortal.Tenants.Reconciliation;
using TalkdeskPortal.Tests.Product;

namespace TalkdeskPortal.Tests.Tenants;

/// <summary>With the product bridge on, a repair reaches the product as the same tenant.updated an app.updated sends.</summary>
public sealed class ReconciliationProductTests : ProductTestBase
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        base.Configure(settings);
        ReconciliationTestBase.Reconciliation(settings);
    }

    private Task<ReconciliationRun> RunAsync() => Portal.Get<LicensedUserReconciliation>().RunAsync(CancellationToken.None);

    [Fact]
    public async Task DriftFixed_TheProductGetsAVerifiedTenantUpdated_WithWhoCameAndWent_PlanUnchanged()
    {
        var installation = await InstallAsync("bridged", users: 3);
        await WaitForWebhooksAsync(1);
        var joining = Fake.AddUser(installation, licensed: true);
        var leaving = installation.Users.First(u => u.Licensed && u.Id != installation.AdminUserId);
        leaving.Licensed = false;

        await RunAsync();

        var hooks = await WaitForWebhooksAsync(2);
        var updated = hooks[1];
        Assert.Equal(ProductEventTypes.Updated, updated.Type);
        var tenant = await TenantAsync(installation.AccountId);
        Assert.StartsWith($"msg_drift_{tenant.Id}_", updated.Id);
        Assert.Equal(TenantKeys.For(installation.AccountId), updated.Data["tenant_id"]!.GetValue<string>());
        Assert.Equal(joining.Id, Assert.Single(updated.Data["users_added"]!.AsArray())!["talkdesk_user_id"]!.GetValue<string>());
        Assert.Equal(joining.Email, updated.Data["users_added"]![0]!["email"]!.GetValue<string>());
        Assert.Equal(leaving.Id, Assert.Single(updated.Data["users_removed"]!.AsArray())!["talkdesk_user_id"]!.GetValue<string>());
        Assert.False(updated.Data["plan_changed"]!.GetValue<bool>());
        Assert.False(updated.Data["licenses_changed"]!.GetValue<bool>());
        Assert.Equal(tenant.SubscriptionName, updated.Data["plan"]!["name"]!.GetValue<string>());

        await using var db = Portal.Db();
        var delivery = await db.ProductDeliveries.AsNoTracking().SingleAsync(d => d.MessageId == updated.Id);
        Assert.Null(delivery.RequestId);
        Assert.False(delivery.GatesApproval);
    }

    [Fact]
    public async Task NothingChanged_SendsNoWebhook()
    {
        await InstallAsync("calm", users: 2);
        await WaitForWebhooksAsync(1);

        await RunAsync();
        await Task.Delay(500);

        Assert.Single(Product.Received);
        await using var db = Portal.Db();
        Assert.Equal(1, await db.ProductDeliveries.CountAsync());
    }
}
