using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Tenants.Reconciliation;

namespace TalkdeskPortal.Tests.Tenants;

public sealed class ReconciliationTests : ReconciliationTestBase
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Approval:Update"] = "Manual"; // an update then stays open, for the skip test
    }

    [Fact]
    public async Task LicensedUsersChangedWithoutAnEvent_AreRepaired_Audited_AndShownOnTheTenant()
    {
        var installation = await InstallAsync("drift", users: 3);
        var admin = installation.Users.Single(u => u.Id == installation.AdminUserId);
        var joining = new[] { Fake.AddUser(installation, licensed: true), Fake.AddUser(installation, licensed: true) };
        var leaving = installation.Users.First(u => u.Licensed && u.Id != admin.Id);
        leaving.Licensed = false;
        admin.Licensed = false; // the installing admin keeps their mapping, as on install

        var run = await RunAsync();

        var tenant = await TenantAsync(installation.AccountId);
        Assert.Equal(ReconcileOutcome.DriftFixed, run.Tenants[tenant.Id]);
        var expected = installation.LicensedUsers.Select(u => u.Id).Append(admin.Id).Order();
        Assert.Equal(expected, tenant.Users.Select(u => u.TalkdeskUserId).Order());
        Assert.All(joining, j => Assert.Contains(tenant.Users, u => u.TalkdeskUserId == j.Id && u.Email == j.Email));
        Assert.True(tenant.Users.Single(u => u.TalkdeskUserId == admin.Id).IsAdmin);
        Assert.Equal((2, 1), (tenant.DriftAdded, tenant.DriftRemoved));
        Assert.NotNull(tenant.DriftFixedAt);
        Assert.NotNull(tenant.ReconciledAt);
        Assert.Null(tenant.ReconcileError);

        var entry = Assert.Single(await AuditAsync(tenant.Id, "tenant.drift-fixed"));
        Assert.StartsWith("drift fixed: +2 / \u22121", entry.Detail);
        Assert.Contains(joining[0].Id, entry.Detail);
        Assert.Contains(leaving.Id, entry.Detail);
        Assert.Equal("system", entry.Actor);
    }

    [Fact]
    public async Task NothingChanged_MovesOnlyReconciledAt_WithoutAuditNoise()
    {
        var installation = await InstallAsync("steady", users: 2);
        var before = await TenantAsync(installation.AccountId);

        var first = await RunAsync();
        var second = await RunAsync();

        var after = await TenantAsync(installation.AccountId);
        Assert.Equal(ReconcileOutcome.InStep, first.Tenants[before.Id]);
        Assert.Equal(ReconcileOutcome.InStep, second.Tenants[before.Id]);
        Assert.NotNull(after.ReconciledAt);
        Assert.Null(after.DriftFixedAt);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
        Assert.Equal(before.Users.Select(u => u.TalkdeskUserId).Order(), after.Users.Select(u => u.TalkdeskUserId).Order());
        Assert.Empty(await AuditAsync(before.Id, "tenant.drift-fixed"));
    }

    [Fact]
    public async Task RepairedOnce_TheNextRunFindsNothingToFix()
    {
        var installation = await InstallAsync("twice", users: 2);
        Fake.AddUser(installation, licensed: true);

        var first = await RunAsync();
        var second = await RunAsync();

        var tenant = await TenantAsync(installation.AccountId);
        Assert.Equal(ReconcileOutcome.DriftFixed, first.Tenants[tenant.Id]);
        Assert.Equal(ReconcileOutcome.InStep, second.Tenants[tenant.Id]);
        Assert.Single(await AuditAsync(tenant.Id, "tenant.drift-fixed"));
        Assert.Equal((1, 0), (tenant.DriftAdded, tenant.DriftRemoved));
    }

    [Fact]
    public async Task RefusedCredentials_FlagTheTenant_AndLeaveItsMappings_UntilTalkdeskAcceptsThemAgain()
    {
        var installation = await InstallAsync("revoked", users: 3);
        var before = await TenantAsync(installation.AccountId);
        installation.Users.First(u => u.Id != installation.AdminUserId).Licensed = false;
        Fake.AddUser(installation, licensed: true);
        Fake.RefuseTokensFor(installation);
        Fake.Faults.RevokeTokens(); // the cached token dies with the credentials

        var run = await RunAsync();
        await RunAsync(); // flagged again: no second audit entry

        var flagged = await TenantAsync(installation.AccountId);
        Assert.Equal(ReconcileOutcome.Flagged, run.Tenants[before.Id]);
        Assert.NotNull(flagged.ReconcileError);
        Assert.Contains("refused", flagged.ReconcileError);
        Assert.Equal(TalkdeskPortal.Tenants.TenantStatus.Active, flagged.Status);
        Assert.Equal(before.Users.Select(u => u.TalkdeskUserId).Order(), flagged.Users.Select(u => u.TalkdeskUserId).Order());
        Assert.Null(flagged.DriftFixedAt);
        Assert.Single(await AuditAsync(before.Id, "tenant.reconcile-failed"));
        Assert.Empty(await AuditAsync(before.Id, "tenant.drift-fixed"));

        Fake.AcceptTokensFor(installation);
        var again = await RunAsync();

        var repaired = await TenantAsync(installation.AccountId);
        Assert.Equal(ReconcileOutcome.DriftFixed, again.Tenants[before.Id]);
        Assert.Null(repaired.ReconcileError);
        Assert.Equal((1, 1), (repaired.DriftAdded, repaired.DriftRemoved));
        Assert.Single(await AuditAsync(before.Id, "tenant.reconcile-recovered"));
    }

    [Fact]
    public async Task ATenantWithAnOpenLifecycleRequest_IsSkipped_AndLeftForTheNextRun()
    {
        var installation = await InstallAsync("busy", users: 2);
        var update = await DeliverAsync(Fake.UpdatedEvent(installation, Talkdesk.ApiRoot), RequestState.AwaitingApproval);
        var quiet = await InstallAsync("quiet", users: 2);
        Fake.AddUser(installation, licensed: true);
        Fake.AddUser(quiet, licensed: true);

        var run = await RunAsync();

        var busy = await TenantAsync(installation.AccountId);
        Assert.Equal(ReconcileOutcome.Skipped, run.Tenants[busy.Id]);
        Assert.Null(busy.ReconciledAt);
        Assert.Equal(2, busy.Users.Count);
        Assert.Equal(ReconcileOutcome.DriftFixed, run.Tenants[(await TenantAsync(quiet.AccountId)).Id]);

        await using (var db = Portal.Db())
            await db.Requests.Where(r => r.Id == update.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.State, RequestState.Rejected));
        var next = await RunAsync();

        Assert.Equal(ReconcileOutcome.DriftFixed, next.Tenants[busy.Id]);
        Assert.Equal(3, (await TenantAsync(installation.AccountId)).Users.Count);
    }
}
