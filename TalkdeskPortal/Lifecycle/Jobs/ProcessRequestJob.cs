using Hangfire;

namespace TalkdeskPortal.Lifecycle.Jobs;

/// <summary>
/// A scheduled retry of one request (it shows in the Hangfire dashboard until due). It takes only the id; the
/// row says what is left to do, so running it twice, early, or after the request moved on is safe.
/// </summary>
public sealed class ProcessRequestJob(RequestProcessor processor)
{
    // The request's own schedule (Attempts, NextAttemptAt) drives retries; Hangfire should not loop on top.
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Retry lifecycle request {0}")]
    public Task RunAsync(long requestId, CancellationToken cancellationToken) =>
        processor.ProcessAsync(requestId, cancellationToken);
}
