using Microsoft.Extensions.Time.Testing;
using TalkdeskPortal.Dashboard;
using TalkdeskPortal.Lifecycle;

namespace TalkdeskPortal.Tests.Components;

public sealed class LiveUpdatesTests
{
    private readonly RequestChanges _changes = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero));
    private int _refreshes;

    [Fact]
    public async Task ABurstOfChanges_RefreshesAPageAtMostOncePerSecond()
    {
        using var live = new LiveUpdates(_changes, _time);
        using var _ = live.Subscribe(() => { Interlocked.Increment(ref _refreshes); return Task.CompletedTask; });

        Burst(20);
        await RefreshesReach(1); // the first change after a quiet spell shows at once
        Burst(20);
        _time.Advance(TimeSpan.FromMilliseconds(400));
        await Task.Delay(100);
        Burst(20);
        _time.Advance(TimeSpan.FromMilliseconds(500));
        await Task.Delay(100);
        Assert.Equal(1, Volatile.Read(ref _refreshes));

        _time.Advance(TimeSpan.FromMilliseconds(100)); // one second after the first refresh
        await RefreshesReach(2);
        await Task.Delay(100);
        Assert.Equal(2, Volatile.Read(ref _refreshes));
    }

    [Fact]
    public async Task NoChange_NoRefresh()
    {
        using var live = new LiveUpdates(_changes, _time);
        using var _ = live.Subscribe(() => { Interlocked.Increment(ref _refreshes); return Task.CompletedTask; });

        _time.Advance(TimeSpan.FromSeconds(10));
        await Task.Delay(100);

        Assert.Equal(0, Volatile.Read(ref _refreshes));
    }

    private void Burst(int count)
    {
        for (var i = 0; i < count; i++)
            _changes.Publish(new LifecycleRequest { Id = i, EventId = "e", Kind = RequestKind.Install, AppId = "a", InstallationId = "i", AccountId = "acc", ApiRoot = "" });
    }

    private async Task RefreshesReach(int count)
    {
        for (var i = 0; i < 500 && Volatile.Read(ref _refreshes) < count; i++) await Task.Delay(20);
        Assert.Equal(count, Volatile.Read(ref _refreshes));
    }
}
