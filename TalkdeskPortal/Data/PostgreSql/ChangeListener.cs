using Npgsql;
using TalkdeskPortal.Lifecycle;

namespace TalkdeskPortal.Data.PostgreSql;

/// <summary>
/// Hears the other instances' request changes on one dedicated connection (LISTEN, then WaitAsync: no polling) and
/// publishes them here as remote changes, for the open pages. When the connection drops it reconnects with backoff,
/// then publishes one unknown change: whatever happened meanwhile went unheard, so pages refresh.
/// </summary>
public sealed class ChangeListener(
    RequestChanges changes,
    PortalInstance instance,
    [FromKeyedServices(ScaleOutServiceCollectionExtensions.DataSourceKey)] NpgsqlDataSource dataSource,
    ILogger<ChangeListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        var listenedBefore = false;
        while (true)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += OnNotification;
                await using (var listen = new NpgsqlCommand($"LISTEN {ChangeNotification.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                if (failures > 0) logger.LogInformation("Hearing the other instances' request changes again after {Failures} failed attempts", failures);
                if (listenedBefore) changes.PublishRemote(RequestChange.Unknown);
                failures = 0;
                listenedBefore = true;
                while (true) await connection.WaitAsync(stoppingToken);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Once per outage, not per attempt.
                if (failures++ == 0) logger.LogWarning(ex, "Lost the connection that hears the other instances' request changes; reconnecting");
            }
            try
            {
                // Wall-clock on purpose: a test's frozen TimeProvider must not hold the connection down.
                await Task.Delay(Backoff.After(failures), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        if (ChangeNotification.Parse(e.Payload) is not { } notification || notification.From == instance.Id) return;
        try
        {
            changes.PublishRemote(notification.ToChange());
        }
        catch (Exception ex)
        {
            // A subscriber's fault must not pass for a lost connection.
            logger.LogError(ex, "A subscriber failed on request {RequestId}'s change", notification.Id);
        }
    }
}
