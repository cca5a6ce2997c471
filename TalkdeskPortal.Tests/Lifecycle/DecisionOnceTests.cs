using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Lifecycle;

/// <summary>
/// A decision whose answer is lost or late is settled by reading the installation back, never by sending it
/// again blindly: Talkdesk hears each decision once.
/// </summary>
public sealed class DecisionOnceTests : PortalTestBase
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Talkdesk:Http:AttemptTimeout"] = "00:00:01";
        settings["Jobs:RetrySchedule:0"] = "00:00:01";
        settings["Jobs:PollInterval"] = "00:00:01";
    }

    [Fact]
    public async Task StateReplySlowerThanTheAttemptTimeout_TalkdeskReceivesOneApprove()
    {
        var installation = Fake.CreateInstallation("slowreply");
        Fake.Faults.DelayStateReplyNext(1, TimeSpan.FromSeconds(4));

        var done = await DeliverAsync(Fake.InstalledEvent(installation, Talkdesk.ApiRoot), RequestState.Completed);

        await Task.Delay(4_000); // let the late reply arrive, and any stray resend with it
        Assert.Equal(1, DecisionsFor(installation));
        Assert.Equal(1, done.DecisionAttempts);
        await using var db = Portal.Db();
        Assert.True(await db.Audit.AnyAsync(a => a.RequestId == done.Id && a.Action == "decision.confirmed"));
        Assert.True(await db.Audit.AnyAsync(a => a.RequestId == done.Id && a.Action == "request.retrying"));
    }

    [Fact]
    public async Task UpdateApplied_ButAnswered502_IsReadBackByItsStateTime_AndNotSentAgain()
    {
        var installation = await InstallAsync("lostreply");
        Fake.Faults.LoseStateReplyNext(1, 502);

        var done = await DeliverAsync(Fake.UpdatedEvent(installation, Talkdesk.ApiRoot, planName: "Paid", licenses: 7), RequestState.Completed);

        Assert.Equal(2, DecisionsFor(installation)); // the install's and this update's, once each
        Assert.Equal("Paid", (await TenantAsync(installation.AccountId)).SubscriptionName);
        Assert.Equal(1, done.DecisionAttempts);
    }

    [Fact]
    public async Task AutomaticUpdateApproveLostOnTheWay_IsSentAgain_ThoughTheUpdatingStateIsMillisecondsOld()
    {
        var installation = await InstallAsync("lostonway");
        Fake.Faults.DropStateRequestNext(1, 502); // never reaches Talkdesk: the installation stays "updating"

        var done = await DeliverAsync(Fake.UpdatedEvent(installation, Talkdesk.ApiRoot, planName: "Paid", licenses: 7), RequestState.Completed);

        Assert.Equal(2, DecisionsFor(installation)); // the install's, and this update's on the second attempt
        Assert.Equal("completed", installation.State);
        Assert.Equal(2, done.DecisionAttempts);
        Assert.Equal("Paid", (await TenantAsync(installation.AccountId)).SubscriptionName);
    }

    [Fact]
    public async Task DecisionThatNeverArrived_IsSentAgain_AfterTheReadBackShowsItMissing()
    {
        await Portal.Get<PolicyStore>().SaveAsync(new ApprovalOptions { Install = ApprovalMode.Manual }, "ops@example.com");
        var installation = Fake.CreateInstallation("neverarrived");
        var waiting = await DeliverAsync(Fake.InstalledEvent(installation, Talkdesk.ApiRoot), RequestState.AwaitingApproval);
        Fake.Faults.FailNext(1, 503); // the approve itself meets the outage; Talkdesk applies nothing

        await Portal.Get<ApprovalService>().ApproveAsync(waiting.Id, "ops@example.com");
        var done = await Portal.WaitForStateAsync(waiting.EventId, RequestState.Completed);

        Assert.Equal(1, DecisionsFor(installation));
        Assert.Equal(2, done.DecisionAttempts);
        Assert.Equal("ops@example.com", done.DecidedBy);
    }
}
