using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Data;
using TalkdeskPortal.Retention;
using TalkdeskPortal.Talkdesk;

namespace Bench;

/// <summary>
/// The retention purge on a seeded database (bench/retention.sh runs it while a portal on the same file takes events
/// at a fixed rate). <c>--prepare</c> first gives every event and request a payload of realistic size, with an email
/// address in it, so the purge has real bytes to zero. Prints rows per second and the time of a pass with nothing to do.
/// </summary>
internal static class RetentionBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var folder = Args.Text(args, "--data") ?? throw new ArgumentException("--data DIR (a database seeded by `Bench dashboard`)");
        var database = Path.Combine(folder, "portal.db");
        if (args.Contains("--prepare")) return await PrepareAsync(database, scattered: args.Contains("--scattered"));

        var settings = new Dictionary<string, string?>
        {
            ["Retention:EventPayloadsAfter"] = "00:00:01",
            ["Retention:BatchSize"] = Args.Int(args, "--batch", 100).ToString(),
            ["Retention:BatchPause"] = TimeSpan.FromMilliseconds(Args.Int(args, "--pause-ms", 150)).ToString(),
        };
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            // --sql: every command with its time ("Executed DbCommand (N ms)"), to see where a batch spends it.
            .AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(args.Contains("--sql") ? LogLevel.Information : LogLevel.Warning))
            .AddSingleton(TimeProvider.System)
            .AddSingleton<AuditLog>()
            .AddSingleton<ITalkdeskTokenProvider, NoTokens>();
        // The portal's own connection settings (busy timeout, secure_delete) on the portal's file, and a stopwatch on
        // each write transaction: how long intake may have to wait for the purge's lock.
        var locks = new TransactionTimer();
        services.AddDbContextFactory<PortalDbContext>(o => o.UseSqlite($"Data Source={database}").AddInterceptors(new SqliteBusyTimeout(), locks));
        services.AddRetentionServices();
        await using var provider = services.BuildServiceProvider();
        var purge = provider.GetRequiredService<RetentionPurge>();

        var walBefore = WalBytes(database);
        var run = await purge.RunAsync(CancellationToken.None);
        var idle = Stopwatch.StartNew();
        var again = await purge.RunAsync(CancellationToken.None);
        Console.WriteLine($"purge: {run.Requests:N0} requests' payloads in {run.Took.TotalSeconds:0.0} s = {run.Requests / run.Took.TotalSeconds:N0} requests/s " +
                          $"(batch {settings["Retention:BatchSize"]}, pause {settings["Retention:BatchPause"]}); " +
                          $"a pass with nothing left: {idle.Elapsed.TotalMilliseconds:0} ms ({again.Requests} erased); " +
                          $"WAL {walBefore / 1024} KB before, {WalBytes(database) / 1024} KB after");
        var held = locks.Milliseconds;
        Console.WriteLine($"write transactions: {held.Length:N0}, held p50 {Stats.Percentile(held, 50):0.0} ms, p99 {Stats.Percentile(held, 99):0.0} ms, max {held.Max():0.0} ms");
        return 0;
    }

    // About what a real install carries: the event's data and a users list, with addresses.
    private static async Task<int> PrepareAsync(string database, bool scattered)
    {
        var watch = Stopwatch.StartNew();
        var users = string.Join(",", Enumerable.Range(1, 8).Select(n => $"{{\"id\":\"u{n:D23}\",\"email\":\"user{n}@customer.example\",\"name\":\"User {n}\"}}"));
        // Plain ADO: the JSON's braces would read as placeholders to EF's raw SQL.
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        async Task<int> ExecuteAsync(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return await command.ExecuteNonQueryAsync();
        }
        await ExecuteAsync("PRAGMA synchronous=OFF;");
        var events = await ExecuteAsync(
            "UPDATE Events SET RedactedPayload = '{\"id\":\"' || Id || '\",\"type\":\"' || Type || '\",\"data\":{\"client_secret\":\"[redacted]\",\"private_key\":\"[redacted]\",\"users\":[" + users + "]}}'");
        var requests = await ExecuteAsync(
            "UPDATE Requests SET DataJson = '{\"UsersAdding\":[\"u1\",\"u2\"],\"SubscriptionName\":\"Paid\",\"ReasonMessage\":\"Contact user1@customer.example\"}'");
        // A portal's requests finish in about the order they arrive (Id order, like their events' rows); the seeder
        // scatters CompletedAt over 30 days, which would make each batch touch rows all over the file. --scattered keeps that.
        if (!scattered)
            await ExecuteAsync("UPDATE Requests SET CompletedAt = (CAST(strftime('%s','now') AS INTEGER) - 40 * 86400) * 1000 + Id * 1000 WHERE CompletedAt IS NOT NULL");
        await ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        Console.WriteLine($"prepared {events:N0} event payloads and {requests:N0} requests' data in {watch.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    private static long WalBytes(string database) => File.Exists(database + "-wal") ? new FileInfo(database + "-wal").Length : 0;

    private sealed class TransactionTimer : DbTransactionInterceptor
    {
        private readonly ConcurrentDictionary<DbTransaction, long> _started = new();
        private readonly ConcurrentQueue<double> _held = new();

        public double[] Milliseconds => [.. _held];

        public override DbTransaction TransactionStarted(DbConnection connection,
            TransactionEndEventData eventData, DbTransaction result)
        {
            _started[result] = Stopwatch.GetTimestamp();
            return result;
        }

        public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection,
            TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
        {
            _started[result] = Stopwatch.GetTimestamp();
            return ValueTask.FromResult(result);
        }

        public override Task TransactionCommittedAsync(DbTransaction transaction,
            TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (_started.TryRemove(transaction, out var at)) _held.Enqueue(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
            return Task.CompletedTask;
        }
    }

    private sealed class NoTokens : ITalkdeskTokenProvider
    {
        public Task<string> GetTokenAsync(TalkdeskConnection connection, CancellationToken ct) => throw new NotSupportedException();

        public void Invalidate(TalkdeskConnection connection) { }

        public void Forget(string installationId) { }
    }
}
