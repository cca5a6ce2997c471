using Hangfire;

namespace TalkdeskPortal.Lifecycle.Jobs;

/// <summary>Moves request ids from the dispatcher's channel into Hangfire.</summary>
public sealed class RequestDispatchService(RequestDispatcher dispatcher, IBackgroundJobClient jobs, ILogger<RequestDispatchService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var requestId in dispatcher.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                jobs.Enqueue<ProcessRequestJob>(job => job.RunAsync(requestId, CancellationToken.None));
            }
            catch (Exception ex)
            {
                // The row is still unfinished in the database; recovery at the next start picks it up.
                logger.LogError(ex, "Could not enqueue request {RequestId}", requestId);
            }
        }
    }
}
