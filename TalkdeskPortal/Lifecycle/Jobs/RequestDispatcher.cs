using System.Threading.Channels;

namespace TalkdeskPortal.Lifecycle.Jobs;

/// <summary>
/// Hands committed request ids to Hangfire off the webhook's thread: intake only writes to a channel,
/// so a slow or synchronous enqueue never holds a Talkdesk delivery open.
/// </summary>
public sealed class RequestDispatcher
{
    private readonly Channel<long> _channel = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });

    public void Notify(long requestId) => _channel.Writer.TryWrite(requestId);

    public ChannelReader<long> Reader => _channel.Reader;
}
