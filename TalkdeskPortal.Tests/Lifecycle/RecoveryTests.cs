using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Talkdesk;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Lifecycle;

public sealed class RecoveryTests : PortalTestBase
{
    // The first instance accepts events but runs no jobs, like a process that died right after its 202s.
    protected override void Configure(Dictionary<string, string?> settings) => settings["Jobs:RunServer"] = "false";

    [Fact]
    public async Task NewInstanceOnTheSameDatabase_CompletesWhatTheOldOneLeft()
    {
        var installation = Fake.CreateInstallation("survivor");
        var evt = Fake.InstalledEvent(installation, Talkdesk.ApiRoot);
        Assert.Equal(HttpStatusCode.Accepted, (await Portal.PostEventAsync(evt)).StatusCode);
        await Portal.WaitForStateAsync(PortalApp.EventId(evt), RequestState.Received);
        var dataDirectory = Portal.DataDirectory;
        await Portal.DisposeAsync();

        Portal = PortalApp.Start(Talkdesk, dataDirectory: dataDirectory);

        await Portal.WaitForStateAsync(PortalApp.EventId(evt), RequestState.Completed);
        Assert.Equal(1, DecisionsFor(installation));
    }

    [Fact]
    public async Task DecisionSentBeforeACrash_IsNotSentAgain()
    {
        // Provision with a running instance that holds the install for staff.
        await Portal.DisposeAsync();
        Portal = PortalApp.Start(Talkdesk, s => s["Approval:Install"] = "Manual");
        var installation = Fake.CreateInstallation("crashy");
        var evt = Fake.InstalledEvent(installation, Talkdesk.ApiRoot);
        var waiting = await DeliverAsync(evt, RequestState.AwaitingApproval);
        var dataDirectory = Portal.DataDirectory;
        await Portal.DisposeAsync();

        // The crash: the approve reached Talkdesk, but the process died before saving that it had.
        await using (var db = TestDatabase.Open(dataDirectory))
        {
            var row = await db.Requests.SingleAsync(r => r.Id == waiting.Id);
            row.State = RequestState.Deciding;
            row.Decision = InstallationDecision.Approve;
            row.DecidedBy = "system";
            row.DecisionAttempts = 1;
            await db.SaveChangesAsync();
        }
        await Talkdesk.ApproveDirectlyAsync(installation);
        Assert.Equal(1, DecisionsFor(installation));

        Portal = PortalApp.Start(Talkdesk, dataDirectory: dataDirectory);

        await Portal.WaitForStateAsync(PortalApp.EventId(evt), RequestState.Completed);
        Assert.Equal(1, DecisionsFor(installation));
    }
}
