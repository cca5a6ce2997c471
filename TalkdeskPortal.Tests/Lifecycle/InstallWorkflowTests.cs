using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Talkdesk;
using TalkdeskPortal.Tenants;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Lifecycle;

public sealed class InstallWorkflowTests : PortalTestBase
{
    [Fact]
    public async Task Install_IsConfirmedProvisionedAndAutoApproved_WithAValidAssertion()
    {
        var installation = Fake.CreateInstallation("acme", userCount: 3);
        var evt = Fake.InstalledEvent(installation, Talkdesk.ApiRoot);

        var request = await DeliverAsync(evt, RequestState.Completed);

        Assert.True(request.Confirmed);
        Assert.Equal(InstallationDecision.Approve, request.Decision);
        Assert.Equal("system", request.DecidedBy);
        Assert.Equal(1, DecisionsFor(installation));
        // The fake only issues tokens for assertions whose signature, kid, iss/sub, aud, exp and jti check out.
        Assert.Contains(Fake.TokenGrants, g => g.ClientId == installation.Credentials.ClientId);
        Assert.Contains(Fake.Calls, c => c.Path.Contains($"/events/{PortalApp.EventId(evt)}"));

        var tenant = await TenantAsync(installation.AccountId);
        Assert.Equal(TenantStatus.Active, tenant.Status);
        Assert.Equal(3, tenant.Users.Count);
        var admin = Assert.Single(tenant.Users, u => u.IsAdmin);
        Assert.Equal(tenant.AdminTalkdeskUserId, admin.TalkdeskUserId);
        Assert.NotEmpty(tenant.Settings);
        Assert.NotEmpty(tenant.Checklist);
        Assert.Equal(1, tenant.InstallCount);

        await using var db = Portal.Db();
        Assert.True(await db.Credentials.AnyAsync(c => c.InstallationId == installation.InstallationId));
        Assert.Null((await db.Requests.SingleAsync()).ProtectedCredentials);
        Assert.True(await db.Audit.AnyAsync(a => a.Action == "tenant.created" && a.TenantId == tenant.Id), "the audit names the new tenant");
    }

    [Fact]
    public async Task EventTalkdeskDoesNotKnow_IsRefusedAndNothingIsSent()
    {
        var installation = Fake.CreateInstallation("forged");
        var evt = Fake.InstalledEvent(installation, Talkdesk.ApiRoot);
        evt["id"] = "0123456789abcdef0123456789abcdef"; // an id Talkdesk never issued

        var request = await DeliverAsync(evt, RequestState.Refused);

        Assert.Contains("does not know", request.Error);
        Assert.Empty(Fake.Decisions);
        await using var db = Portal.Db();
        Assert.False(await db.Tenants.AnyAsync());
    }
}
