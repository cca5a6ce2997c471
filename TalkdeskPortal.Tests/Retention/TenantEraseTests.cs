using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Retention;
using TalkdeskPortal.Tests.Staff;

namespace TalkdeskPortal.Tests.Retention;

/// <summary>An Admin's erase of one customer: only once uninstalled, at once, audited with who and why.</summary>
public sealed class TenantEraseTests : RetentionTestBase
{
    // The windows stay long here: an erase does not wait for retention.
    protected override void Configure(Dictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Retention:EventPayloadsAfter"] = "30.00:00:00";
        settings.Remove("Retention:UninstalledTenantAfter");
    }

    [Fact]
    public async Task Erase_RefusesAnInstalledTenant_AndChangesNothing()
    {
        var installation = await InstallAsync("staying", users: 2);
        var tenant = await TenantAsync(installation.AccountId);

        var outcome = await Portal.Get<TenantEraser>().EraseNowAsync(tenant.Id, StaffHttp.AdminEmail, "The customer asked");

        Assert.Equal(EraseOutcome.Installed, outcome);
        var after = await TenantAsync(installation.AccountId);
        Assert.Equal(2, after.Users.Count);
        Assert.Null(after.PersonalDataErasedAt);
        await using var db = Portal.Db();
        Assert.True(await db.Credentials.AnyAsync(c => c.AccountId == installation.AccountId));
        Assert.False(await db.Audit.AnyAsync(a => a.Action == TenantEraser.Action));
        Assert.All(await db.Requests.ToListAsync(), r => Assert.Null(r.PayloadsErasedAt));
    }

    [Fact]
    public async Task Erase_OfAnUninstalledTenant_RemovesItsPersonalDataAndCredentials_AndIsAuditedWithWhoAndWhy()
    {
        var installation = await InstallAsync("leaving", users: 2);
        await DeliverAsync(Fake.UninstalledEvent(installation, Talkdesk.ApiRoot), RequestState.Completed);
        var tenant = await TenantAsync(installation.AccountId);
        const string leftover = "protected-credentials-left-behind";
        await using (var db = Portal.Db())
        {
            // A set left behind by an installation whose uninstall the portal never heard of.
            db.Credentials.Add(new InstallationCredential
            {
                InstallationId = "left-behind", AppId = Fake.AppId, AccountId = installation.AccountId, AccountName = "leaving",
                ApiRoot = Talkdesk.ApiRoot.ToString(), ClientId = "client-left-behind", Protected = leftover, UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        var eraser = Portal.Get<TenantEraser>();
        Assert.Equal(EraseOutcome.ReasonRequired, await eraser.EraseNowAsync(tenant.Id, StaffHttp.AdminEmail, " "));

        var outcome = await eraser.EraseNowAsync(tenant.Id, StaffHttp.AdminEmail, "Customer asked on ticket 4711");

        Assert.Equal(EraseOutcome.Erased, outcome);
        var erased = await TenantAsync(installation.AccountId);
        Assert.Empty(erased.Users);
        Assert.Equal(StaffHttp.AdminEmail, erased.PersonalDataErasedBy);
        Assert.Equal(4, erased.Settings.Count);
        await using (var db = Portal.Db())
        {
            Assert.False(await db.Credentials.AnyAsync(c => c.AccountId == installation.AccountId));
            Assert.All(await db.Requests.ToListAsync(), r => Assert.NotNull(r.PayloadsErasedAt));
            var entry = await db.Audit.SingleAsync(a => a.Action == TenantEraser.Action);
            Assert.Equal(StaffHttp.AdminEmail, entry.Actor);
            Assert.Equal(tenant.Id, entry.TenantId);
            Assert.Contains("Customer asked on ticket 4711", entry.Detail);
            Assert.Contains("1 credential sets wiped", entry.Detail);
        }
        var files = DatabaseFiles();
        Assert.DoesNotContain(leftover, files);
        foreach (var user in installation.Users) Assert.False(files.Contains(user.Email), $"{user.Email} is still in the database files");
    }
}
