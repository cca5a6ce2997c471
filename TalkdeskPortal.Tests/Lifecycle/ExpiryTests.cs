using Microsoft.Extensions.Time.Testing;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Lifecycle;

public sealed class ExpiryTests : PortalTestBase
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    protected override TimeProvider? Time => _time;

    protected override void Configure(Dictionary<string, string?> settings) => settings["Approval:Install"] = "Manual";

    [Fact]
    public async Task RequestPastTheSevenDayWindow_IsExpired_AndNothingIsSent()
    {
        var installation = Fake.CreateInstallation("late");
        var evt = Fake.InstalledEvent(installation, Talkdesk.ApiRoot);
        var waiting = await DeliverAsync(evt, RequestState.AwaitingApproval);
        Assert.Equal(waiting.EventCreatedAt.AddDays(7) - RequestExpiry.Margin, waiting.Deadline);

        _time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var outcome = await Portal.Get<ApprovalService>().ApproveAsync(waiting.Id, "slow-staff");

        Assert.Equal(DecisionOutcome.Expired, outcome);
        await Portal.WaitForStateAsync(PortalApp.EventId(evt), RequestState.Expired);
        await Task.Delay(300);
        Assert.Empty(Fake.Decisions);
    }

    [Fact]
    public async Task ExpirySweep_ExpiresParkedRequests_ButNotFreshOnes()
    {
        var old = await DeliverAsync(Fake.InstalledEvent(Fake.CreateInstallation("old"), Talkdesk.ApiRoot), RequestState.AwaitingApproval);
        _time.Advance(TimeSpan.FromDays(6));
        var fresh = Fake.InstalledEvent(Fake.CreateInstallation("fresh"), Talkdesk.ApiRoot);
        await DeliverAsync(fresh, RequestState.AwaitingApproval);
        _time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));

        var (expired, _) = await Portal.Get<RequestSweep>().RunAsync(recovering: false, CancellationToken.None);

        Assert.Equal(1, expired);
        await Portal.WaitForStateAsync(old.EventId, RequestState.Expired);
        await Portal.WaitForStateAsync(PortalApp.EventId(fresh), RequestState.AwaitingApproval);
        Assert.Empty(Fake.Decisions);
    }
}
