namespace TalkdeskPortal.Product.Jobs;

/// <summary>
/// Sends dispatched deliveries in this process (a few accounts at once; each account in order). At start it first
/// hands back everything the database says is due, so a crash loses no webhook.
/// </summary>
public sealed class ProductDeliveryRunner(
    ProductDeliveryDispatcher dispatcher,
    ProductDeliverer deliverer,
    ProductDeliverySweep sweep,
    ILogger<ProductDeliveryRunner> logger) : BackgroundService
{
    private const int Concurrency = 8;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await sweep.RunAsync(recovering: true, stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(ex, "The delivery sweep at start failed; the recurring sweep will try again");
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
                        await deliverer.RunAsync(id, stoppingToken);
                    }
                    catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                    {
                        logger.LogError(ex, "Delivery {DeliveryId} could not be processed; the sweep retries it", id);
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
