using TalkdeskPortal.Lifecycle;

namespace TalkdeskPortal.Dashboard;

/// <summary>
/// Per circuit: turns the lifecycle's change events into at most one refresh per interval, so a burst of
/// events costs an open page a handful of queries, not one per event. No timer runs while nothing changes.
/// </summary>
public sealed class LiveUpdates : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(400);
    private readonly RequestChanges _changes;
    private readonly Lock _gate = new();
    private readonly List<Func<Task>> _subscribers = [];
    private bool _scheduled;

    public LiveUpdates(RequestChanges changes)
    {
        _changes = changes;
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
        await Task.Delay(Interval);
        Func<Task>[] subscribers;
        lock (_gate)
        {
            // Cleared before reading, so a change during the refresh schedules another one.
            _scheduled = false;
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
