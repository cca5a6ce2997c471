namespace TalkdeskPortal.Lifecycle.Jobs;

/// <summary>
/// One request per Talkdesk account at a time in this process. Nobody waits: a request that finds its account
/// busy is remembered and handed back to the dispatcher when the holder lets go, so no worker thread is parked.
/// </summary>
public sealed class AccountLocks(RequestDispatcher dispatcher)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, HashSet<long>> _held = new(StringComparer.Ordinal);

    /// <summary>The lock, or null when the account is busy (then <paramref name="requestId"/> runs again on release).</summary>
    public IDisposable? TryAcquire(string accountId, long? requestId)
    {
        lock (_gate)
        {
            if (_held.TryGetValue(accountId, out var waiters))
            {
                if (requestId is { } id) waiters.Add(id);
                return null;
            }
            _held[accountId] = [];
            return new Releaser(this, accountId);
        }
    }

    private void Release(string accountId)
    {
        HashSet<long>? waiters;
        lock (_gate)
        {
            _held.Remove(accountId, out waiters);
        }
        foreach (var id in waiters ?? []) dispatcher.Notify(id);
    }

    private sealed class Releaser(AccountLocks owner, string accountId) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) owner.Release(accountId);
        }
    }
}
