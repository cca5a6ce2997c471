using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Talkdesk;
using TalkdeskPortal.Tenants;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Lifecycle;

/// <summary>
/// Seen in the three-instance proof: an instance died right after its approve of an update left; another instance
/// then decided the account's uninstall, wiping the credentials, and the update could never be read back.
/// </summary>
public sealed class InDoubtDecisionTests : PortalTestBase
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["Approval:Update"] = "Manual";

    [Fact]
    public async Task AnUninstall_WaitsForTheUpdateWhoseApproveIsInDoubt_ThenBothEndInOrder()
    {
        var installation = await InstallAsync("in-doubt", users: 2);
        var update = await DeliverAsync(Fake.UpdatedEvent(installation, Talkdesk.ApiRoot, null, null, "Paid Plus", 10),
            RequestState.AwaitingApproval);

        // The crash: the approve reached Talkdesk, the instance that sent it died before recording the outcome.
        await using (var db = Portal.Db())
        {
            var row = await db.Requests.SingleAsync(r => r.Id == update.Id);
            row.State = RequestState.Deciding;
            row.Decision = InstallationDecision.Approve;
            row.DecidedBy = "system";
            row.DecisionAttempts = 1;
            row.DecisionSentAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
        }
        await Task.Delay(1100); // Talkdesk's clock moves on past the attempt
        await Talkdesk.ApproveDirectlyAsync(installation);

        var uninstall = Fake.UninstalledEvent(installation, Talkdesk.ApiRoot);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await Portal.PostEventAsync(uninstall)).StatusCode);
        var held = await Portal.WaitForRequestAsync(PortalApp.EventId(uninstall), r => r.WaitingReason is not null);
        Assert.Equal(RequestState.Received, held.State);
        Assert.Contains($"request {update.Id}", held.WaitingReason);
        Assert.Equal(2, DecisionsFor(installation)); // install + the update's approve; the uninstall's not sent

        // The instance comes back: its recovery reads the update back, and the uninstall follows.
        var dataDirectory = Portal.DataDirectory;
        await Portal.DisposeAsync();
        Portal = PortalApp.Start(Talkdesk, Configure, dataDirectory: dataDirectory);

        await Portal.WaitForStateAsync(update.EventId, RequestState.Completed);
        await Portal.WaitForStateAsync(PortalApp.EventId(uninstall), RequestState.Completed);
        var tenant = await TenantAsync(installation.AccountId);
        Assert.Equal(TenantStatus.Uninstalled, tenant.Status);
        Assert.Equal("Paid Plus", tenant.SubscriptionName);
        Assert.Equal(10, tenant.Licenses);
        Assert.Equal(3, DecisionsFor(installation)); // install, update (once), uninstall
    }

    [Fact]
    public async Task ADecisionWhoseCredentialsWentWhileInDoubt_EndsSuperseded_NotRetriedForever()
    {
        var installation = await InstallAsync("orphaned", users: 2);
        var update = await DeliverAsync(Fake.UpdatedEvent(installation, Talkdesk.ApiRoot, null, null, "Paid Plus", 10),
            RequestState.AwaitingApproval);
        await DeliverAsync(Fake.UninstalledEvent(installation, Talkdesk.ApiRoot), RequestState.Completed);

        // As left by an older build: the update in doubt, its installation uninstalled meanwhile.
        await using (var db = Portal.Db())
        {
            var row = await db.Requests.SingleAsync(r => r.Id == update.Id);
            row.State = RequestState.Deciding;
            row.Decision = InstallationDecision.Approve;
            row.DecidedBy = "system";
            row.DecisionAttempts = 1;
            row.DecisionSentAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
        }
        var dataDirectory = Portal.DataDirectory;
        await Portal.DisposeAsync();
        Portal = PortalApp.Start(Talkdesk, Configure, dataDirectory: dataDirectory);

        var ended = await Portal.WaitForStateAsync(update.EventId, RequestState.Superseded);
        await using var check = Portal.Db();
        Assert.True(await check.Audit.AnyAsync(a => a.RequestId == ended.Id && a.Action == "request.superseded" &&
                                                    a.Detail!.Contains("cannot be read back")));
    }
}
