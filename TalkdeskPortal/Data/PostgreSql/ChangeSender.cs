using System.Threading.Channels;
using Npgsql;
using TalkdeskPortal.Lifecycle;

namespace TalkdeskPortal.Data.PostgreSql;

/// <summary>
/// Tells the other instances of this one's request changes (NOTIFY). Publish runs on the lifecycle's thread right
/// after its commit, so the handler only queues; this loop sends whatever has gathered meanwhile in one round trip,
/// on a connection it keeps open (a fresh one would cost the first change after a quiet spell a login).
/// </summary>
public sealed class ChangeSender(
    RequestChanges changes,
    PortalInstance instance,
    [FromKeyedServices(ScaleOutServiceCollectionExtensions.DataSourceKey)] NpgsqlDataSource dataSource,
    ILogger<ChangeSender> logger) : BackgroundService
{
    private const int MaxBatch = 200;
    private const int MaxAttempts = 5;

    // Bounded, so an unreachable server cannot grow memory; the oldest change is the one worth least.
    private readonly Channel<RequestChange> _queue = Channel.CreateBounded<RequestChange>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private NpgsqlConnection? _connection;
    private bool _failing;

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
        if (!change.Remote) _queue.Writer.TryWrite(change);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<string>(MaxBatch);
        try
        {
            // Logged in and through the send path once before the first change, so that change waits for neither.
            await SendAsync([], stoppingToken);

            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var change))
                    batch.Add(ChangeNotification.ToPayload(change, instance.Id));
                await SendAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await CloseAsync();
        }
    }

    private async Task SendAsync(List<string> payloads, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                _connection ??= await dataSource.OpenConnectionAsync(ct);
                await using var command = new NpgsqlCommand("SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload", _connection);
                command.Parameters.Add(new NpgsqlParameter { Value = ChangeNotification.Channel });
                command.Parameters.Add(new NpgsqlParameter { Value = payloads.ToArray() });
                await command.ExecuteNonQueryAsync(ct);
                if (_failing) logger.LogInformation("Telling the other instances of request changes again");
                _failing = false;
                return;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                await CloseAsync();
                // A kept connection that was closed meanwhile is no outage: the immediate retry opens another.
                if (attempt > 1 && !_failing)
                {
                    logger.LogWarning(ex, "Could not tell the other instances of request changes; retrying");
                    _failing = true;
                }
                if (attempt == MaxAttempts)
                {
                    // The other instances' listeners have most likely lost the server too; they refresh when back.
                    logger.LogDebug("Dropped {Count} request changes after {Attempts} attempts", payloads.Count, attempt);
                    return;
                }
                // The first retry at once: usually a kept connection that the server or the network has closed.
                if (attempt > 1) await Task.Delay(Backoff.After(attempt - 1), ct);
            }
        }
    }

    private async Task CloseAsync()
    {
        if (_connection is null) return;
        await _connection.DisposeAsync();
        _connection = null;
    }
}
