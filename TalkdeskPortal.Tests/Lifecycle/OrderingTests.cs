using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Lifecycle;

public sealed class OrderingTests : PortalTestBase
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["Approval:Install"] = "Manual";

    [Fact]
    public async Task LaterEventsOfAnInstallation_WaitForTheEarlierOne()
    {
        var installation = Fake.CreateInstallation("ordered");
        var install = await DeliverAsync(Fake.InstalledEvent(installation, Talkdesk.ApiRoot), RequestState.AwaitingApproval);
        var update = Fake.UpdatedEvent(installation, Talkdesk.ApiRoot, planName: "Paid", licenses: 9);

        await DeliverAsync(update, RequestState.Received);
        await Task.Delay(500);
        Assert.Equal(RequestState.Received, (await Portal.WaitForRequestAsync(PortalApp.EventId(update), _ => true)).State);

        await Portal.Get<ApprovalService>().ApproveAsync(install.Id, "staff");

        var done = await Portal.WaitForStateAsync(PortalApp.EventId(update), RequestState.Completed);
        Assert.True(done.CompletedAt > (await Portal.WaitForStateAsync(install.EventId, RequestState.Completed)).CompletedAt);
        Assert.Equal(["approve", "approve"], Fake.Decisions.Select(d => d.State));
    }
}

public sealed class HangingTalkdeskTests : PortalTestBase
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["Talkdesk:Http:AttemptTimeout"] = "00:00:01";

    [Fact]
    public async Task CallThatHangs_TimesOutAndIsRetried()
    {
        var installation = Fake.CreateInstallation("hung");
        Fake.Faults.HangNext(1);

        await DeliverAsync(Fake.InstalledEvent(installation, Talkdesk.ApiRoot), RequestState.Completed);

        Assert.Contains(Fake.Calls, c => c.Status == 499);
        Assert.Equal(1, DecisionsFor(installation));
    }
}
