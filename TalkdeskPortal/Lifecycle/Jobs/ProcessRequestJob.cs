using Hangfire;

namespace TalkdeskPortal.Lifecycle.Jobs;

/// <summary>
/// The Hangfire job for one request. It takes only the id; the row says what is left to do, so running
/// it twice, or requeueing it from the dashboard after a failure, is safe.
/// </summary>
public sealed class ProcessRequestJob(RequestProcessor processor)
{
    // The processor retries HTTP calls itself and marks the row Failed; Hangfire should not loop on top.
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Process lifecycle request {0}")]
    public Task RunAsync(long requestId, CancellationToken cancellationToken) =>
        processor.ProcessAsync(requestId, cancellationToken);
}
