using TalkdeskPortal.Lifecycle;

namespace TalkdeskPortal.Dashboard;

/// <summary>
/// Per circuit: turns the lifecycle's change events into at most one refresh per second, so a burst of events
/// costs an open page one set of queries a second, not one per event. The first change after a quiet spell is
/// shown at once; changes during the next second are gathered into one refresh. No timer runs while nothing changes.
/// </summary>
public sealed class LiveUpdates : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly RequestChanges _changes;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly List<Func<Task>> _subscribers = [];
    private bool _scheduled;
    private DateTimeOffset _lastRefresh = DateTimeOffset.MinValue;

    public LiveUpdates(RequestChanges changes, TimeProvider time)
    {
        _changes = changes;
        _time = time;
        _changes.Changed += OnChanged;
    }

    /// <summary>
    /// Registers a page's refresh (wrap it in the page's InvokeAsync). Dispose the result when the page goes:
    /// the next page subscribes before the last one is disposed, so each removes only itself.
    /// </summary>
    public IDisposable Subscribe(Func<Task> refresh)
    {
        lock (_gate) _subscribers.Add(refresh);
        return new Subscription(this, refresh);
    }

    private void OnChanged(RequestChange change)
    {
        lock (_gate)
        {
            if (_scheduled || _subscribers.Count == 0) return;
            _scheduled = true;
        }
        _ = RefreshSoonAsync();
    }

    private async Task RefreshSoonAsync()
    {
        TimeSpan wait;
        lock (_gate) wait = _lastRefresh + Interval - _time.GetUtcNow();
        if (wait > TimeSpan.Zero) await Task.Delay(wait, _time);
        else await Task.Yield(); // never refresh on the publisher's thread
        Func<Task>[] subscribers;
        lock (_gate)
        {
            // Cleared before reading, so a change during the refresh schedules another one (a second after this one).
            _scheduled = false;
            _lastRefresh = _time.GetUtcNow();
            subscribers = [.. _subscribers];
        }
        foreach (var refresh in subscribers)
        {
            try { await refresh(); }
            catch (ObjectDisposedException) { }
            catch (InvalidOperationException) { }
        }
    }

    public void Dispose() => _changes.Changed -= OnChanged;

    private sealed class Subscription(LiveUpdates owner, Func<Task> refresh) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._gate) owner._subscribers.Remove(refresh);
        }
    }
}
