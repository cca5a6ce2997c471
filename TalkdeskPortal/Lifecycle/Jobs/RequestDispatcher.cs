using System.Collections.Concurrent;
using System.Threading.Channels;

namespace TalkdeskPortal.Lifecycle.Jobs;

/// <summary>
/// Hands request ids to the in-process runner: a fresh event's first attempt, wake-ups and staff actions start
/// at once instead of waiting for Hangfire's polled queue. Intake only writes to a channel. An id already
/// waiting in the channel is not queued twice.
/// </summary>
public sealed class RequestDispatcher
{
    private readonly Channel<long> _channel = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<long, byte> _queued = new();

    public void Notify(long requestId)
    {
        if (_queued.TryAdd(requestId, 0) && !_channel.Writer.TryWrite(requestId)) _queued.TryRemove(requestId, out _);
    }

    public ChannelReader<long> Reader => _channel.Reader;

    public async IAsyncEnumerable<long> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var id in _channel.Reader.ReadAllAsync(ct))
        {
            _queued.TryRemove(id, out _);
            yield return id;
        }
    }
}
