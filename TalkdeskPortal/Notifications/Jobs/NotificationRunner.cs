namespace TalkdeskPortal.Notifications.Jobs;

/// <summary>
/// Sends dispatched messages in this process, a few at once, off the lifecycle's threads: a slow or absent mail
/// server delays mail and nothing else. At start it hands back whatever the database says is due.
/// </summary>
public sealed class NotificationRunner(
    NotificationDispatcher dispatcher,
    NotificationSender sender,
    NotificationScan scan,
    ILogger<NotificationRunner> logger) : BackgroundService
{
    private const int Concurrency = 4;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await scan.ResumeDueAsync(recovering: true, stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(ex, "The notification sweep at start failed; the recurring scan will try again");
        }
        using var slots = new SemaphoreSlim(Concurrency);
        try
        {
            await foreach (var id in dispatcher.ReadAllAsync(stoppingToken))
            {
                await slots.WaitAsync(stoppingToken);
                _ = Task.Run(async () =>
                {
                    try
                    {
                        await sender.SendAsync(id, stoppingToken);
                    }
                    catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                    {
                        logger.LogError(ex, "Notification {NotificationId} could not be processed; the scan retries it", id);
                    }
                    catch (OperationCanceledException)
                    {
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
        for (var i = 0; i < Concurrency; i++) await slots.WaitAsync(CancellationToken.None);
    }
}
