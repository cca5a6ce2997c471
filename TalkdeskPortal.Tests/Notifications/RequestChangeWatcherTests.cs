using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Notifications;
using TalkdeskPortal.Notifications.Jobs;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Notifications;

public sealed class RequestChangeWatcherTests
{
    [Fact]
    public async Task AChangeAnotherInstanceMade_IsLeftToThatInstance()
    {
        var changes = new RequestChanges();
        var logs = new LogCapture();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        // No channel configured: the notifier returns before it touches the database.
        var notifier = new RequestNotifier(null!, null!, null!, new Monitor(new NotificationOptions()), TimeProvider.System);
        var watcher = new RequestChangeWatcher(changes, new ChangedRequests(), notifier, loggers.CreateLogger<RequestChangeWatcher>());
        await watcher.StartAsync(CancellationToken.None);

        changes.PublishRemote(new RequestChange(1, RequestKind.Install, RequestState.Failed, "acme"));
        changes.Publish(new LifecycleRequest { Id = 2, EventId = "e", Kind = RequestKind.Install, State = RequestState.Failed, AppId = "a", InstallationId = "i", AccountId = "acme", ApiRoot = "" });

        for (var i = 0; i < 500 && !logs.Lines.Any(l => l.Contains("request 2")); i++) await Task.Delay(20);
        await watcher.StopAsync(CancellationToken.None);
        Assert.Contains(logs.Lines, l => l.Contains("request 2"));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("request 1"));
    }

    private sealed class Monitor(NotificationOptions value) : IOptionsMonitor<NotificationOptions>
    {
        public NotificationOptions CurrentValue => value;
        public NotificationOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<NotificationOptions, string?> listener) => null;
    }
}
