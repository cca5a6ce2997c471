using System.Collections.Concurrent;

namespace TalkdeskPortal.Lifecycle.Jobs;

/// <summary>
/// One request per Talkdesk account at a time (which covers one per installation), across all
/// Hangfire workers of this process.
/// </summary>
public sealed class AccountLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public async Task<IDisposable> AcquireAsync(string accountId, CancellationToken ct)
    {
        var gate = _locks.GetOrAdd(accountId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Releaser(gate);
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
