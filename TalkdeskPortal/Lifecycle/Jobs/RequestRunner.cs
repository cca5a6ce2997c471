using Microsoft.Extensions.Options;

namespace TalkdeskPortal.Lifecycle.Jobs;

/// <summary>
/// Runs dispatched requests in this process, a few at a time: the first attempt of a fresh event never waits
/// for Hangfire's polled queue. Hangfire holds only what must survive a restart: scheduled retries and the sweep.
/// </summary>
public sealed class RequestRunner(
    RequestDispatcher dispatcher,
    RequestProcessor processor,
    IOptions<JobOptions> options,
    ILogger<RequestRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(options.Value.WorkerCount);
        try
        {
            await foreach (var requestId in dispatcher.ReadAllAsync(stoppingToken))
            {
                await slots.WaitAsync(stoppingToken);
                _ = Task.Run(async () =>
                {
                    try
                    {
                        await processor.ProcessAsync(requestId, stoppingToken);
                    }
                    catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                    {
                        // The row is unchanged, so the sweep hands it to a worker again.
                        logger.LogError(ex, "Request {RequestId} could not be processed", requestId);
                    }
                    catch (OperationCanceledException)
                    {
                        // Shutting down: the row says where the request is; recovery resumes it.
                    }
                    finally
                    {
                        slots.Release();
                    }
                }, CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        // Let running requests record where they got to before the semaphore goes.
        for (var i = 0; i < options.Value.WorkerCount; i++) await slots.WaitAsync(CancellationToken.None);
    }
}
