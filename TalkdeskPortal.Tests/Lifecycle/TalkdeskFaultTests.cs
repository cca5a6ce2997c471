using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Lifecycle;

public sealed class TalkdeskFaultTests : PortalTestBase
{
    [Fact]
    public async Task RevokedToken_LeadsToANewToken_AndTheWorkCompletes()
    {
        var installation = await InstallAsync("revoked");
        var grants = Fake.TokenGrants.Count;
        Fake.Faults.RevokeTokens();

        await DeliverAsync(Fake.UpdatedEvent(installation, Talkdesk.ApiRoot, planName: "Paid", licenses: 4), RequestState.Completed);

        Assert.Contains(Fake.Calls, c => c.Status == 401);
        Assert.True(Fake.TokenGrants.Count > grants, "a new token was fetched after the 401");
    }

    [Fact]
    public async Task ServerErrorsAndThrottling_AreRetried_HonouringRetryAfter()
    {
        var installation = Fake.CreateInstallation("flaky");
        Fake.Faults.FailNext(2, 503);
        var evt = Fake.InstalledEvent(installation, Talkdesk.ApiRoot);

        await DeliverAsync(evt, RequestState.Completed);
        Assert.Equal(2, Fake.Calls.Count(c => c.Status == 503));

        Fake.Faults.FailNext(1, 429, TimeSpan.FromSeconds(1));
        var started = DateTime.UtcNow;
        await DeliverAsync(Fake.UpdatedEvent(installation, Talkdesk.ApiRoot, planName: "Paid", licenses: 3), RequestState.Completed);
        var throttled = Fake.Calls.Single(c => c.Status == 429);
        var retried = Fake.Calls.First(c => c.At > throttled.At);
        Assert.True(retried.At - throttled.At >= TimeSpan.FromMilliseconds(900),
            $"the retry came {(retried.At - throttled.At).TotalMilliseconds} ms after a Retry-After of 1 s");
        Assert.Equal(2, DecisionsFor(installation));
    }

    [Fact]
    public async Task PersistentOutage_LeavesTheRequestRetrying_OnASchedule_AndItResumesWhereItStopped()
    {
        var installation = Fake.CreateInstallation("down");
        Fake.Faults.FailNext(1000, 500);
        var evt = Fake.InstalledEvent(installation, Talkdesk.ApiRoot);

        var retrying = await DeliverAsync(evt, RequestState.Retrying);
        Assert.Equal(RequestState.Processing, retrying.ResumeState);
        Assert.Contains("500", retrying.Error);
        Assert.Equal(1, retrying.Attempts);
        Assert.NotNull(retrying.NextAttemptAt);
        Assert.InRange(retrying.NextAttemptAt!.Value - retrying.UpdatedAt, TimeSpan.FromSeconds(29), TimeSpan.FromSeconds(31));

        Fake.Faults.Reset();
        await Portal.Get<TalkdeskPortal.Lifecycle.Jobs.ProcessRequestJob>().RunAsync(retrying.Id, CancellationToken.None);
        var early = await Portal.WaitForStateAsync(PortalApp.EventId(evt), RequestState.Retrying);
        Assert.Equal(1, early.Attempts); // a job that runs before NextAttemptAt changes nothing

        await using (var db = Portal.Db())
            await db.Requests.Where(r => r.Id == retrying.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.NextAttemptAt, DateTimeOffset.UtcNow));
        await Portal.Get<TalkdeskPortal.Lifecycle.Jobs.ProcessRequestJob>().RunAsync(retrying.Id, CancellationToken.None);
        await Portal.WaitForStateAsync(PortalApp.EventId(evt), RequestState.Completed);
        Assert.Equal(1, DecisionsFor(installation));
    }

    [Fact]
    public async Task PermanentRefusal_ParksTheRequestFailed_AtOnce_AndRetryResumesIt()
    {
        var installation = Fake.CreateInstallation("forbidden");
        Fake.Faults.FailNext(1, 403);
        var evt = Fake.InstalledEvent(installation, Talkdesk.ApiRoot);

        var failed = await DeliverAsync(evt, RequestState.Failed);
        Assert.Equal(RequestState.Processing, failed.ResumeState);
        Assert.Contains("403", failed.Error);
        Assert.Null(failed.NextAttemptAt);

        Assert.True(await Portal.Get<RequestRetry>().RetryAsync(failed.Id, "ops@example.com"));
        await Portal.WaitForStateAsync(PortalApp.EventId(evt), RequestState.Completed);
        Assert.Equal(1, DecisionsFor(installation));
    }
}
