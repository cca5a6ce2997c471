using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Lifecycle.Jobs;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Lifecycle;

/// <summary>Outages of days, on a fake clock shared by the portal and the fake Talkdesk.</summary>
public sealed class LongOutageTests : PortalTestBase
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    protected override TimeProvider? Time => _time;

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Talkdesk:Http:MaxRetryAttempts"] = "0"; // in-call waits would run on the fake clock
    }

    [Fact]
    public async Task ThreeDayOutage_RetriesOnTheGrowingSchedule_ThenApproves_Once()
    {
        var installation = Fake.CreateInstallation("threedays");
        Fake.Faults.FailNext(100_000, 503);
        var evt = Fake.InstalledEvent(installation, Talkdesk.ApiRoot);
        var request = await DeliverAsync(evt, RequestState.Retrying);
        var start = _time.GetUtcNow();

        var waits = new List<TimeSpan>();
        while (_time.GetUtcNow() - start < TimeSpan.FromDays(3))
        {
            var before = request.Attempts;
            waits.Add(request.NextAttemptAt!.Value - _time.GetUtcNow());
            request = await RetryWhenDueAsync(request, r => r.Attempts > before);
            Assert.Equal(RequestState.Retrying, request.State);
        }
        Fake.Faults.Reset();
        await RetryWhenDueAsync(request, r => r.State == RequestState.Completed);

        Assert.Equal(1, DecisionsFor(installation));
        Assert.Equal([30, 60, 120, 300, 900, 3600], waits.Take(6).Select(w => (int)Math.Round(w.TotalSeconds)));
        Assert.All(waits.Skip(5), w => Assert.Equal(TimeSpan.FromHours(1), w));
        Assert.InRange(request.Attempts, 70, 80); // about one an hour for three days: the portal kept trying, and not more
        Assert.Equal(TenantStatusActive, (await TenantAsync(installation.AccountId)).Status.ToString());
    }

    [Fact]
    public async Task OutageLongerThanTalkdesksWindow_EndsExpired_AtTheDeadline_AndNothingIsSent()
    {
        var installation = Fake.CreateInstallation("eightdays");
        Fake.Faults.FailNext(100_000, 503);
        var evt = Fake.InstalledEvent(installation, Talkdesk.ApiRoot);
        var request = await DeliverAsync(evt, RequestState.Retrying);

        while (request.State == RequestState.Retrying)
        {
            Assert.True(request.NextAttemptAt <= request.Deadline, "no retry is scheduled past the deadline");
            var before = request.Attempts;
            request = await RetryWhenDueAsync(request, r => r.Attempts > before || r.State != RequestState.Retrying);
        }

        Assert.Equal(RequestState.Expired, request.State);
        Assert.True(_time.GetUtcNow() >= request.Deadline);
        Assert.Equal(request.EventCreatedAt + TimeSpan.FromDays(7) - RequestExpiry.Margin, request.Deadline);
        Fake.Faults.Reset();
        Assert.Null(request.ProtectedCredentials);
        Assert.Empty(Fake.Decisions);
        await using var db = Portal.Db();
        Assert.False(await db.Tenants.AnyAsync(t => t.TalkdeskAccountId == installation.AccountId));
    }

    [Fact]
    public async Task LostSchedule_TheSweepResumesARetryThatNoJobHolds()
    {
        var installation = Fake.CreateInstallation("lostjob");
        Fake.Faults.FailNext(1, 503);
        var evt = Fake.InstalledEvent(installation, Talkdesk.ApiRoot);
        var request = await DeliverAsync(evt, RequestState.Retrying);

        _time.Advance(request.NextAttemptAt!.Value - _time.GetUtcNow() + TimeSpan.FromMinutes(1));
        var (_, dispatched) = await Portal.Get<RequestSweep>().RunAsync(recovering: false, CancellationToken.None);

        Assert.Equal(1, dispatched);
        await Portal.WaitForStateAsync(evt["id"]!.GetValue<string>(), RequestState.Completed);
        Assert.Equal(1, DecisionsFor(installation));
    }

    [Fact]
    public async Task ApproveThatLandedButWhoseAnswerWasLost_IsReadBackAtTheDeadline_NotExpired()
    {
        await Portal.Get<PolicyStore>().SaveAsync(new ApprovalOptions { Install = ApprovalMode.Manual }, "ops@example.com");
        var installation = Fake.CreateInstallation("latecall");
        var waiting = await DeliverAsync(Fake.InstalledEvent(installation, Talkdesk.ApiRoot), RequestState.AwaitingApproval);
        _time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(30)); // staff decide in the last half hour
        Fake.Faults.LoseStateReplyNext(1, 502);

        await Portal.Get<ApprovalService>().ApproveAsync(waiting.Id, "ops@example.com");
        var retrying = await Portal.WaitForStateAsync(waiting.EventId, RequestState.Retrying);
        Assert.Equal(1, retrying.DecisionAttempts);
        Fake.Faults.FailNext(100_000, 503); // then Talkdesk stays down until after the deadline: the read-backs fail too
        retrying = await RetryWhenDueAsync(retrying, r => r.Attempts == 2);
        Assert.True(retrying.NextAttemptAt < retrying.Deadline);
        _time.Advance(retrying.Deadline - _time.GetUtcNow() + TimeSpan.FromMinutes(1));
        Fake.Faults.Reset();
        await Portal.Get<RequestSweep>().RunAsync(recovering: false, CancellationToken.None);

        var settled = await Portal.WaitForStateAsync(waiting.EventId, RequestState.Completed);
        Assert.Equal(1, DecisionsFor(installation));
        Assert.Equal(1, settled.DecisionAttempts);
        Assert.Equal(TenantStatusActive, (await TenantAsync(installation.AccountId)).Status.ToString());
    }

    private const string TenantStatusActive = "Active";

    // What Hangfire does at NextAttemptAt: the fake clock jumps there and the retry job runs.
    private async Task<LifecycleRequest> RetryWhenDueAsync(LifecycleRequest request, Func<LifecycleRequest, bool> done)
    {
        var due = request.NextAttemptAt!.Value - _time.GetUtcNow();
        if (due > TimeSpan.Zero) _time.Advance(due);
        await Portal.Get<ProcessRequestJob>().RunAsync(request.Id, CancellationToken.None);
        return await Portal.WaitForRequestAsync(request.EventId, done);
    }
}
