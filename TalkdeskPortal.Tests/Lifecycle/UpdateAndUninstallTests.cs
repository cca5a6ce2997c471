using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Tenants;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Lifecycle;

public sealed class UpdateAndUninstallTests : PortalTestBase
{
    [Fact]
    public async Task Update_AppliesUsersAndPlan()
    {
        var installation = await InstallAsync("growing", users: 3);
        var before = await TenantAsync(installation.AccountId);
        var leaving = before.Users.First(u => !u.IsAdmin).TalkdeskUserId;
        var joining = Fake.AddUser(installation);

        await DeliverAsync(Fake.UpdatedEvent(installation, Talkdesk.ApiRoot, [joining.Id], [leaving], "Paid Plus", 10),
            RequestState.Completed);

        var tenant = await TenantAsync(installation.AccountId);
        Assert.Equal("Paid Plus", tenant.SubscriptionName);
        Assert.Equal(10, tenant.Licenses);
        Assert.Contains(tenant.Users, u => u.TalkdeskUserId == joining.Id && u.Email == joining.Email);
        Assert.DoesNotContain(tenant.Users, u => u.TalkdeskUserId == leaving);
        Assert.Equal(3, tenant.Users.Count);
        Assert.Equal(2, DecisionsFor(installation));
    }

    [Fact]
    public async Task UninstallThenReinstall_RestoresTheSameTenantWithItsSettings()
    {
        var installation = await InstallAsync("loyal", users: 2);
        await using (var db = Portal.Db())
        {
            var tenant = await db.Tenants.Include(t => t.Settings).SingleAsync();
            tenant.Settings.Single(s => s.Key == "locale").Value = "pt-PT"; // the customer changed a setting
            await db.SaveChangesAsync();
        }

        await DeliverAsync(Fake.UninstalledEvent(installation, Talkdesk.ApiRoot), RequestState.Completed);
        var uninstalled = await TenantAsync(installation.AccountId);
        Assert.Equal(TenantStatus.Uninstalled, uninstalled.Status);
        Assert.Equal(2, uninstalled.Users.Count);
        await using (var db = Portal.Db())
            Assert.False(await db.Credentials.AnyAsync(), "credentials are wiped on uninstall");

        var again = Fake.Reinstall(installation);
        await DeliverAsync(Fake.InstalledEvent(again, Talkdesk.ApiRoot), RequestState.Completed);

        var tenantBack = await TenantAsync(installation.AccountId);
        Assert.Equal(uninstalled.Id, tenantBack.Id);
        Assert.Equal(TenantStatus.Active, tenantBack.Status);
        Assert.Equal(again.InstallationId, tenantBack.InstallationId);
        Assert.Equal("pt-PT", tenantBack.Settings.Single(s => s.Key == "locale").Value);
        Assert.Equal(2, tenantBack.InstallCount);
        Assert.Equal(2, tenantBack.Users.Count);
        await using (var db = Portal.Db())
            Assert.True(await db.Audit.AnyAsync(a => a.Action == "tenant.reinstalled" && a.TenantId == tenantBack.Id));
    }

    [Fact]
    public async Task TrialEvents_AreRecordedOnTheTenant()
    {
        var installation = await InstallAsync("trying");

        await DeliverAsync(Fake.TrialEvent(installation, Talkdesk.ApiRoot, "app.trial_started"), RequestState.Completed);

        var tenant = await TenantAsync(installation.AccountId);
        Assert.Equal("started", tenant.TrialState);
        Assert.NotNull(tenant.TrialExpiresAt);
    }
}
