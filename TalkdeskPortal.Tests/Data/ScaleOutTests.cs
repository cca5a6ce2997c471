using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Npgsql;
using TalkdeskPortal.Data.PostgreSql;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Notifications.Jobs;
using TalkdeskPortal.Tests.Support;
using Xunit.Abstractions;

namespace TalkdeskPortal.Tests.Data;

/// <summary>Two portal instances on one PostgreSQL database, as behind nginx: a change made on A reaches B's pages.</summary>
[Collection(PortalCollection.Name)]
public sealed class ScaleOutTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(1);
    private readonly ConcurrentQueue<Seen> _madeOnA = new();
    private readonly ConcurrentQueue<Seen> _heardOnB = new();
    private FakeTalkdeskHost? _talkdesk;
    private PortalApp _a = null!;
    private PortalApp _b = null!;
    private bool _bStopped;

    private sealed record Seen(RequestChange Change, long At);

    public async Task InitializeAsync()
    {
        if (!TestProvider.IsPostgreSql) return;
        _talkdesk = await FakeTalkdeskHost.StartAsync();
        // Installs wait for staff: AwaitingApproval is a change that calls for a staff message at once.
        _a = PortalApp.Start(_talkdesk, Configure);
        var sameDatabase = TestProvider.ConnectionString(_a.DataDirectory);
        _b = PortalApp.Start(_talkdesk, s =>
        {
            Configure(s);
            s["Storage:ConnectionString"] = sameDatabase;
        });
        _a.Get<RequestChanges>().Changed += c => _madeOnA.Enqueue(new(c, Stopwatch.GetTimestamp()));
        _b.Get<RequestChanges>().Changed += c => _heardOnB.Enqueue(new(c, Stopwatch.GetTimestamp()));
        await UntilAsync(async () => await ConnectionsAsync(_b.Get<PortalInstance>().ApplicationName, "LISTEN%") == 1, "B to listen");
    }

    private static void Configure(Dictionary<string, string?> settings)
    {
        settings["Approval:Install"] = "Manual";
        settings[$"Logging:LogLevel:{typeof(RequestChangeWatcher).FullName}"] = "Debug";
    }

    public async Task DisposeAsync()
    {
        if (_talkdesk is null) return;
        if (!_bStopped) await _b.DisposeAsync();
        await _a.DisposeAsync();
        await _talkdesk.DisposeAsync();
    }

    [PostgresFact]
    public async Task AChangeCommittedOnA_ReachesBWithinASecond_AndOnlyAQueuesItsMessages()
    {
        var id = await InstallOnAAsync("two-instances");

        await LatencyAsync(id, RequestState.AwaitingApproval);
        var states = _madeOnA.Where(s => s.Change.RequestId == id).Select(s => s.Change.State).Distinct().ToList();
        Assert.Contains(RequestState.Received, states);
        foreach (var state in states)
        {
            var latency = await LatencyAsync(id, state);
            output.WriteLine($"A→B latency for {state}: {latency.TotalMilliseconds:F1} ms");
            Assert.True(latency < Promise, $"{state} took {latency.TotalMilliseconds:F0} ms to reach B");
        }
        Assert.All(_heardOnB, h => Assert.True(h.Change.Remote));
        Assert.DoesNotContain(_madeOnA, h => h.Change.Remote); // A skips its own notifications

        // A's watcher looks for messages to queue for the request; B's, having heard the same change, does not.
        await UntilAsync(() => Watched(_a, id), $"A's watcher to take request {id}");
        await Task.Delay(500);
        Assert.False(Watched(_b, id), $"B's watcher took request {id}, a change A made");
    }

    [PostgresFact]
    public async Task BsListenerLosesItsConnection_ReconnectsWithOneWarning_RefreshesPages_AndHearsAgain()
    {
        var database = new NpgsqlConnectionStringBuilder(TestProvider.ConnectionString(_a.DataDirectory)).Database;
        await using (var connection = new NpgsqlConnection(TestProvider.Server)) // the server's own database: ours is the one to close
        {
            await connection.OpenAsync();
            // Keep the database refusing new connections for a while, so the listener fails more than once.
            await ExecuteAsync(connection, $"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS false");
            try
            {
                // B's listener, and both of A's connections: its listener and the one its sender keeps.
                Assert.Equal(1, await TerminateAsync(connection, _b, "LISTEN%"));
                Assert.Equal(2, await TerminateAsync(connection, _a, "%"));
                await Task.Delay(TimeSpan.FromSeconds(2));
                Assert.DoesNotContain(_heardOnB, h => h.Change.IsUnknown);
            }
            finally
            {
                await ExecuteAsync(connection, $"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS true");
            }
        }

        await UntilAsync(() => _heardOnB.Any(h => h.Change.IsUnknown), "B to publish an unknown change after reconnecting", 15_000);
        Assert.Single(_heardOnB, h => h.Change.IsUnknown);
        var warnings = _b.Logs.Lines.Where(l => l.StartsWith("Warning") && l.Contains(nameof(ChangeListener))).ToList();
        Assert.Single(warnings);
        var again = Assert.Single(_b.Logs.Lines, l => l.Contains(nameof(ChangeListener)) && l.Contains("again after"));
        output.WriteLine(again.Trim());
        Assert.Matches(@"after ([2-9]|\d\d+) failed attempts", again);

        // A's sender finds its kept connection closed and logs in again at once: no change lost, no warning. (The
        // one-second promise is the steady state's, above; this first change also pays for A's new login.)
        var id = await InstallOnAAsync("after-the-drop");
        foreach (var state in new[] { RequestState.Received, RequestState.AwaitingApproval })
        {
            var latency = await LatencyAsync(id, state);
            output.WriteLine($"A→B latency for {state} after reconnecting: {latency.TotalMilliseconds:F1} ms");
        }
        Assert.DoesNotContain(_a.Logs.Lines, l => l.StartsWith("Warning") && l.Contains(nameof(ChangeSender)));
    }

    [PostgresFact]
    public async Task ShuttingDown_StopsQuietly_AndClosesItsConnections()
    {
        var name = _b.Get<PortalInstance>().ApplicationName;
        Assert.Equal(1, await ConnectionsAsync(name, "LISTEN%"));

        await _b.DisposeAsync();
        _bStopped = true;

        await UntilAsync(async () => await ConnectionsAsync(name, "%") == 0, "B's connections to close", 10_000);
        Assert.DoesNotContain(_b.Logs.Lines, l => l.Contains(".PostgreSql.Change") && !l.StartsWith("Debug") && !l.StartsWith("Trace"));
    }

    private async Task<long> InstallOnAAsync(string account)
    {
        var installation = _talkdesk!.Fake.CreateInstallation(account);
        var evt = _talkdesk.Fake.InstalledEvent(installation, _talkdesk.ApiRoot);
        Assert.Equal(HttpStatusCode.Accepted, (await _a.PostEventAsync(evt)).StatusCode);
        return (await _a.WaitForStateAsync(PortalApp.EventId(evt), RequestState.AwaitingApproval)).Id;
    }

    /// <summary>From A publishing the change (right after its commit) to B hearing it.</summary>
    private async Task<TimeSpan> LatencyAsync(long id, RequestState state)
    {
        Seen? made = null, heard = null;
        await UntilAsync(() =>
        {
            made = _madeOnA.FirstOrDefault(s => s.Change.RequestId == id && s.Change.State == state);
            heard = _heardOnB.FirstOrDefault(s => s.Change.RequestId == id && s.Change.State == state);
            return made is not null && heard is not null;
        }, $"A to make and B to hear request {id} becoming {state}");
        return Stopwatch.GetElapsedTime(made!.At, heard!.At);
    }

    private static bool Watched(PortalApp app, long id) =>
        app.Logs.Lines.Any(l => l.Contains("RequestChangeWatcher") && Regex.IsMatch(l, $@"\brequest {id}\b"));

    private async Task<long> ConnectionsAsync(string applicationName, string lastQuery)
    {
        await using var connection = new NpgsqlConnection(TestProvider.ConnectionString(_a.DataDirectory));
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = $1 AND query LIKE $2", connection);
        count.Parameters.Add(new NpgsqlParameter { Value = applicationName });
        count.Parameters.Add(new NpgsqlParameter { Value = lastQuery });
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static async Task<long> TerminateAsync(NpgsqlConnection connection, PortalApp app, string lastQuery)
    {
        await using var kill = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1 AND query LIKE $2", connection);
        kill.Parameters.Add(new NpgsqlParameter { Value = app.Get<PortalInstance>().ApplicationName });
        kill.Parameters.Add(new NpgsqlParameter { Value = lastQuery });
        return (long)(await kill.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static Task UntilAsync(Func<bool> done, string what, int timeoutMs = 15_000) =>
        UntilAsync(() => Task.FromResult(done()), what, timeoutMs);

    private static async Task UntilAsync(Func<Task<bool>> done, string what, int timeoutMs = 15_000)
    {
        var deadline = Stopwatch.StartNew();
        while (!await done())
        {
            if (deadline.ElapsedMilliseconds > timeoutMs) throw new TimeoutException($"Waited {timeoutMs} ms for {what}.");
            await Task.Delay(20);
        }
    }
}
