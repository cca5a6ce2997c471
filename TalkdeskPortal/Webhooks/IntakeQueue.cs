using System.Threading.Channels;

namespace TalkdeskPortal.Webhooks;

/// <summary>
/// One writer for all webhook deliveries: concurrent deliveries are committed together, each caller gets its
/// 202 only after the transaction holding its event is committed. Under light load a batch is one event.
/// </summary>
public sealed class IntakeQueue(IntakeStore store, ILogger<IntakeQueue> logger) : BackgroundService
{
    private const int MaxBatch = 256;
    private readonly Channel<PendingIntake> _channel = Channel.CreateUnbounded<PendingIntake>(new UnboundedChannelOptions { SingleReader = true });

    public async Task<IntakeResult> AcceptAsync(ParsedEvent parsed, string? remoteAddress)
    {
        // Encryption and serialisation happen here, on the delivery's thread, in parallel; the writer only writes.
        var pending = new PendingIntake(parsed, remoteAddress, store.Build(parsed, remoteAddress));
        if (!_channel.Writer.TryWrite(pending)) throw new InvalidOperationException("The portal is shutting down.");
        return await pending.Completion.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingIntake>(MaxBatch);
        // Not stoppingToken: deliveries already queued are written before the process stops.
        while (await _channel.Reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _channel.Reader.TryRead(out var pending)) batch.Add(pending);
            try
            {
                await store.AcceptBatchAsync(batch, CancellationToken.None);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "A batch of {Count} deliveries could not be stored", batch.Count);
                foreach (var pending in batch) pending.Completion.TrySetException(ex);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _channel.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }
}
