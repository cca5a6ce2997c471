using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Tenants;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Lifecycle;

/// <summary>Nothing holds up an account for longer than something that truly precedes it.</summary>
public sealed class NoStallTests : PortalTestBase
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    protected override TimeProvider? Time => _time;

    protected override void Configure(Dictionary<string, string?> settings) => settings["Approval:Uninstall"] = "Manual";

    [Fact]
    public async Task ForgedInstall_ForAKnownAccount_IsRefused_AndTheRealInstallCompletes()
    {
        var installation = Fake.CreateInstallation("target");
        var real = Fake.InstalledEvent(installation, Talkdesk.ApiRoot);
        var forged = Forge(real, _time.GetUtcNow().AddHours(-1));

        var refused = await DeliverAsync(forged, RequestState.Refused);
        Assert.Contains("refused a token", refused.Error);
        Assert.Null(refused.ProtectedCredentials);
        await DeliverAsync(real, RequestState.Completed);

        Assert.Equal(1, DecisionsFor(installation));
        Assert.Equal(installation.Credentials.ClientId, (await Credentials(installation)).ClientId);
        Assert.Equal(TenantStatus.Active, (await TenantAsync(installation.AccountId)).Status);
    }

    [Fact]
    public async Task ExpiredManualUninstall_WakesTheAccountsReinstall_WhichCompletes()
    {
        var installation = await InstallAsync("waking");
        var uninstall = await DeliverAsync(Fake.UninstalledEvent(installation, Talkdesk.ApiRoot), RequestState.AwaitingApproval);
        _time.Advance(TimeSpan.FromDays(3));
        var again = Fake.Reinstall(installation);
        var reinstall = Fake.InstalledEvent(again, Talkdesk.ApiRoot);
        var held = await DeliverAsync(reinstall, RequestState.Received);
        await Portal.WaitForRequestAsync(held.EventId, r => r.WaitingReason?.Contains($"request {uninstall.Id}") == true);

        _time.Advance(TimeSpan.FromDays(4));
        await Portal.Get<RequestSweep>().RunAsync(recovering: false, CancellationToken.None);

        await Portal.WaitForStateAsync(uninstall.EventId, RequestState.Expired);
        await Portal.WaitForStateAsync(held.EventId, RequestState.Completed); // woken by the expiry; the sweep is not run again
        var tenant = await TenantAsync(installation.AccountId);
        Assert.Equal(TenantStatus.Active, tenant.Status);
        Assert.Equal(again.InstallationId, tenant.InstallationId);
        Assert.Equal(1, Fake.Decisions.Count(d => d.InstallationId == installation.InstallationId)); // its install's; nothing for the uninstall
        Assert.Equal(1, DecisionsFor(again));
    }

    [Fact]
    public async Task ManualUninstallNobodyDecided_AtItsDeadline_LeavesTheTenantUninstalled_AsTalkdeskDeprovisionsIt()
    {
        var installation = await InstallAsync("unanswered");
        var uninstall = await DeliverAsync(Fake.UninstalledEvent(installation, Talkdesk.ApiRoot), RequestState.AwaitingApproval);

        _time.Advance(TimeSpan.FromDays(7));
        await Portal.Get<RequestSweep>().RunAsync(recovering: false, CancellationToken.None);
        await Portal.WaitForStateAsync(uninstall.EventId, RequestState.Expired);

        var tenant = await TenantAsync(installation.AccountId);
        Assert.Equal(TenantStatus.Uninstalled, tenant.Status);
        await using var db = Portal.Db();
        Assert.False(await db.Credentials.AnyAsync(c => c.InstallationId == installation.InstallationId));
        Assert.True(await db.Audit.AnyAsync(a => a.RequestId == uninstall.Id && a.Action == "uninstall.deprovisioned"));
        Assert.Equal(1, DecisionsFor(installation)); // its install's; nothing was sent for the uninstall
    }

    [Fact]
    public async Task UninstallDatedPastItsDeadline_ExpiresUnconfirmed_AndTheTenantStaysInstalled()
    {
        var installation = await InstallAsync("pastdated");
        _time.Advance(TimeSpan.FromDays(9));
        var forged = Fake.UninstalledEvent(installation, Talkdesk.ApiRoot);
        forged["id"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)); // an id Talkdesk never sent
        // After the install (so no newer event overtook it), but past its 7 days on arrival: expired before any check.
        forged["created_at"] = _time.GetUtcNow().AddDays(-8).ToString("yyyy-MM-ddTHH:mm:ss.fffZ");

        await DeliverAsync(forged, RequestState.Expired);

        Assert.Equal(TenantStatus.Active, (await TenantAsync(installation.AccountId)).Status);
        Assert.Equal(installation.Credentials.ClientId, (await Credentials(installation)).ClientId);
    }

    [Fact]
    public async Task TrialStampedTheSameSecondAsItsInstall_AndDeliveredFirst_BothComplete()
    {
        var installation = Fake.CreateInstallation("trialfirst");
        var install = Fake.InstalledEvent(installation, Talkdesk.ApiRoot);
        var trial = Fake.TrialEvent(installation, Talkdesk.ApiRoot, "app.trial_started");
        trial["created_at"] = install["created_at"]!.GetValue<string>();

        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await Portal.PostEventAsync(trial)).StatusCode);
        await DeliverAsync(install, RequestState.Completed);
        await Portal.WaitForStateAsync(PortalApp.EventId(trial), RequestState.Completed);

        Assert.Equal("started", (await TenantAsync(installation.AccountId)).TrialState);
    }

    [Fact]
    public async Task FailedRequest_BlocksNothing_ALaterUpdateOfTheSameInstallationCompletes()
    {
        var installation = await InstallAsync("failedfirst");
        Fake.Faults.FailNext(1, 403);
        var first = await DeliverAsync(Fake.UpdatedEvent(installation, Talkdesk.ApiRoot, planName: "Paid", licenses: 4), RequestState.Failed);

        await DeliverAsync(Fake.UpdatedEvent(installation, Talkdesk.ApiRoot, planName: "Paid Plus", licenses: 9), RequestState.Completed);

        Assert.Equal(RequestState.Failed, (await Portal.WaitForStateAsync(first.EventId, RequestState.Failed)).State);
        Assert.Equal("Paid Plus", (await TenantAsync(installation.AccountId)).SubscriptionName);
    }

    [Fact]
    public async Task ForgedUninstall_OfAPendingInstall_StampedEarlier_BlocksNothing_AndIsRefused()
    {
        var installation = Fake.CreateInstallation("pincer");
        var install = Fake.InstalledEvent(installation, Talkdesk.ApiRoot);
        var forged = Fake.UninstalledEvent(installation, Talkdesk.ApiRoot);
        forged["id"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)); // Talkdesk never sent it
        forged["created_at"] = _time.GetUtcNow().AddSeconds(-1).ToString("yyyy-MM-ddTHH:mm:ss.fffZ");

        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await Portal.PostEventAsync(forged)).StatusCode);
        await DeliverAsync(install, RequestState.Completed);

        await Portal.WaitForStateAsync(PortalApp.EventId(forged), RequestState.Refused);
        Assert.Equal(TenantStatus.Active, (await TenantAsync(installation.AccountId)).Status);
        Assert.Equal(1, DecisionsFor(installation));
    }

    [Fact]
    public async Task UninstallOfAnInstallationWeNeverHad_DoesNotHoldUpTheAccountsInstall()
    {
        var ghost = Fake.CreateInstallation("haunted");
        var orphan = await DeliverAsync(Fake.UninstalledEvent(ghost, Talkdesk.ApiRoot), RequestState.Received);
        await Portal.WaitForRequestAsync(orphan.EventId, r => r.WaitingReason == OrphanRequests.WaitingForInstall);

        var real = Fake.Reinstall(ghost);
        await DeliverAsync(Fake.InstalledEvent(real, Talkdesk.ApiRoot), RequestState.Completed);

        Assert.Equal(TenantStatus.Active, (await TenantAsync(real.AccountId)).Status);
    }

    private async Task<InstallationCredential> Credentials(TalkdeskPortal.Sandbox.FakeInstallation installation)
    {
        await using var db = Portal.Db();
        return await db.Credentials.AsNoTracking().SingleAsync(c => c.InstallationId == installation.InstallationId);
    }

    // Somebody who knows an account's ids sends an install with credentials Talkdesk never issued.
    private static JsonObject Forge(JsonObject real, DateTimeOffset createdAt)
    {
        var forged = (JsonObject)real.DeepClone();
        forged["id"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        forged["created_at"] = createdAt.ToString("yyyy-MM-ddTHH:mm:ss.fffZ");
        ForgedCredentials.WriteInto(forged);
        return forged;
    }
}
