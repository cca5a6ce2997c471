using System.Collections.Concurrent;

namespace TalkdeskPortal.Lifecycle.Jobs;

/// <summary>
/// Ids whose lock another instance holds: that instance cannot wake ours when it lets go, so each is handed back to
/// its queue after a short pause, for about a minute, then left to the sweep (which runs every minute anyway).
/// </summary>
public sealed class BusyElsewhere(IdQueue queue, ILogger logger)
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(250);
    private const int Tries = 240;
    private readonly ConcurrentDictionary<long, int> _tries = new();

    public void TryAgainSoon(long id)
    {
        if (_tries.AddOrUpdate(id, 1, (_, n) => n + 1) > Tries)
        {
            _tries.TryRemove(id, out _);
            logger.LogInformation("{Id} stayed busy on another instance; the sweep picks it up", id);
            return;
        }
        _ = Task.Delay(Pause).ContinueWith(_ => queue.Notify(id), TaskScheduler.Default);
    }

    public void Done(long id) => _tries.TryRemove(id, out _);
}
