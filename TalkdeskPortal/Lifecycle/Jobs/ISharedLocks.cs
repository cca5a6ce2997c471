namespace TalkdeskPortal.Lifecycle.Jobs;

/// <summary>
/// Locks every portal instance on the same database respects (PostgreSQL: session advisory locks, released when the
/// holder's connection ends, so a crashed instance lets go). Never waited for: null means another instance holds it.
/// </summary>
public interface ISharedLocks
{
    ValueTask<IAsyncDisposable?> TryAcquireAsync(string scope, string key, CancellationToken ct);
}

/// <summary>SQLite: one process owns the database, so the in-process locks are the whole story.</summary>
public sealed class ProcessOnlyLocks : ISharedLocks
{
    private static readonly IAsyncDisposable Nothing = new Held();

    public ValueTask<IAsyncDisposable?> TryAcquireAsync(string scope, string key, CancellationToken ct) => ValueTask.FromResult<IAsyncDisposable?>(Nothing);

    private sealed class Held : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
