namespace TalkdeskPortal.Lifecycle.Jobs;

/// <summary>
/// One request per Talkdesk account at a time, in this process and (through <see cref="ISharedLocks"/>) across every
/// instance on the database. Nobody waits: a request that finds its account busy here is remembered and handed back
/// to the dispatcher when the holder lets go; one that finds it busy on another instance is handed back after a
/// short pause (that instance cannot call us), until the sweep takes over.
/// </summary>
public sealed class AccountLocks(RequestDispatcher dispatcher, ISharedLocks shared, ILogger<AccountLocks> logger)
{
    public const string Scope = "account";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, HashSet<long>> _held = new(StringComparer.Ordinal);
    private readonly BusyElsewhere _elsewhere = new(dispatcher, logger);

    /// <summary>The lock, or null when the account is busy (then <paramref name="requestId"/> runs again later).</summary>
    public async ValueTask<IAsyncDisposable?> TryAcquireAsync(string accountId, long? requestId, CancellationToken ct)
    {
        var local = TryAcquireHere(accountId, requestId);
        if (local is null) return null;
        IAsyncDisposable? everywhere;
        try
        {
            everywhere = await shared.TryAcquireAsync(Scope, accountId, ct);
        }
        catch
        {
            local.Dispose();
            throw;
        }
        if (everywhere is null)
        {
            local.Dispose();
            if (requestId is { } id) _elsewhere.TryAgainSoon(id);
            return null;
        }
        if (requestId is { } done) _elsewhere.Done(done);
        return new Both(everywhere, local);
    }

    private Releaser? TryAcquireHere(string accountId, long? requestId)
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

    // The shared lock goes first, so a local waiter woken by the release can take it at once.
    private sealed class Both(IAsyncDisposable everywhere, IDisposable here) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await everywhere.DisposeAsync();
            }
            finally
            {
                here.Dispose();
            }
        }
    }
}
