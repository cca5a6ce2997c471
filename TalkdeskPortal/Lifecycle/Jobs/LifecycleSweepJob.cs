using Hangfire;

namespace TalkdeskPortal.Lifecycle.Jobs;

/// <summary>Recurring: expires what passed Talkdesk's deadline and re-dispatches open requests that no job holds.</summary>
public sealed class LifecycleSweepJob(RequestSweep sweep)
{
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Expire overdue requests and resume stalled ones")]
    public Task RunAsync(CancellationToken cancellationToken) => sweep.RunAsync(recovering: false, cancellationToken);
}
