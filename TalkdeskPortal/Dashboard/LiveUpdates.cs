using TalkdeskPortal.Lifecycle;

namespace TalkdeskPortal.Dashboard;

/// <summary>
/// Per circuit: turns the lifecycle's change events into at most one refresh per interval, so a burst of
/// events costs an open page a handful of queries, not one per event. No timer runs while nothing changes.
/// </summary>
public sealed class LiveUpdates : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    private readonly RequestChanges _changes;
    private readonly Lock _gate = new();
    private Func<Task>? _refresh;
    private bool _scheduled;

    public LiveUpdates(RequestChanges changes)
    {
        _changes = changes;
        _changes.Changed += OnChanged;
    }

    /// <summary>The page's refresh; it runs on the page's dispatcher (pass InvokeAsync-wrapped work).</summary>
    public void Subscribe(Func<Task> refresh) => _refresh = refresh;

    public void Unsubscribe() => _refresh = null;

    private void OnChanged(RequestChange change)
    {
        lock (_gate)
        {
            if (_scheduled || _refresh is null) return;
            _scheduled = true;
        }
        _ = RefreshSoonAsync();
    }

    private async Task RefreshSoonAsync()
    {
        await Task.Delay(Interval);
        lock (_gate) _scheduled = false;
        if (_refresh is { } refresh)
        {
            try { await refresh(); }
            catch (ObjectDisposedException) { }
        }
    }

    public void Dispose() => _changes.Changed -= OnChanged;
}
