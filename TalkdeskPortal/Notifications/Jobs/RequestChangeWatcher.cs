using TalkdeskPortal.Lifecycle;

namespace TalkdeskPortal.Notifications.Jobs;

/// <summary>
/// Listens to <see cref="RequestChanges"/> for the "at once" messages. The handler runs on the lifecycle's thread
/// right after its commit, so it only queues the id; the outbox rows are written here, on this service's own loop.
/// Changes made by another instance are that instance's to notify.
/// </summary>
public sealed class RequestChangeWatcher(
    RequestChanges changes,
    ChangedRequests queue,
    RequestNotifier notifier,
    ILogger<RequestChangeWatcher> logger) : BackgroundService
{
    private static readonly RequestState[] AtOnce = [RequestState.AwaitingApproval, RequestState.Failed, RequestState.Refused];

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        changes.Changed += OnChanged;
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        changes.Changed -= OnChanged;
        await base.StopAsync(cancellationToken);
    }

    private void OnChanged(RequestChange change)
    {
        if (!change.Remote && AtOnce.Contains(change.State)) queue.Notify(change.RequestId);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var id in queue.ReadAllAsync(stoppingToken))
            {
                try
                {
                    logger.LogDebug("Looking for messages to queue for request {RequestId}", id);
                    await notifier.NotifyAsync(id, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(ex, "Could not queue notifications for request {RequestId}; the scan will", id);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
