using System.Collections.Concurrent;
using System.Threading.Channels;

namespace TalkdeskPortal.Lifecycle.Jobs;

/// <summary>
/// Hands row ids to an in-process runner, so work starts at once instead of waiting for Hangfire's polled queue.
/// Writers only touch a channel; an id already waiting in it is not queued twice.
/// </summary>
public abstract class IdQueue
{
    private readonly Channel<long> _channel = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<long, byte> _queued = new();

    public void Notify(long id)
    {
        if (_queued.TryAdd(id, 0) && !_channel.Writer.TryWrite(id)) _queued.TryRemove(id, out _);
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
