using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using TalkdeskPortal.Dashboard;
using TalkdeskPortal.Data;
using TalkdeskPortal.Data.PostgreSql;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Tenants;

namespace Bench;

/// <summary>
/// Seeds a fresh database with many requests and tenants, then times the queries the dashboard pages run
/// (the server's work for a page), each as the median of seven runs after a warm-up.
/// SQLite by default (a file in --data); <c>--postgres CONNECTION</c> uses that (empty) PostgreSQL database instead,
/// through the portal's PostgreSQL context and migrations. <c>--explain</c> prints each query's plan instead of timing
/// (EXPLAIN QUERY PLAN on SQLite; EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL).
/// </summary>
internal static class DashboardBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var requests = Args.Int(args, "--requests", 100_000);
        var tenants = Args.Int(args, "--tenants", 20_000);
        var postgres = Args.Text(args, "--postgres");
        var folder = Args.Text(args, "--data") ?? Path.Combine(Path.GetTempPath(), "portal-bench-" + Guid.NewGuid().ToString("N"));
        var explain = args.Contains("--explain") ? new ExplainInterceptor(postgres is not null) : null;
        Func<PortalDbContext> create;
        string where;
        if (postgres is not null)
        {
            var builder = new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(postgres);
            Configure(builder, args, explain);
            var options = builder.Options;
            create = () => new PostgresPortalDbContext(options);
            var c = new Npgsql.NpgsqlConnectionStringBuilder(postgres);
            where = $"PostgreSQL {c.Host}:{c.Port}/{c.Database}";
        }
        else
        {
            Directory.CreateDirectory(folder);
            var builder = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "portal.db")}");
            Configure(builder, args, explain);
            var options = builder.Options;
            create = () => new PortalDbContext(options);
            where = folder;
        }
        var factory = new Factory(create);

        var seed = Stopwatch.StartNew();
        // --reuse: time a database seeded by an earlier run (migrated to this build's schema) instead of seeding again.
        if (args.Contains("--reuse") && (postgres is not null || File.Exists(Path.Combine(folder, "portal.db"))))
        {
            await using var db = factory.CreateDbContext();
            await db.Database.MigrateAsync();
            requests = await db.Requests.CountAsync();
            tenants = await db.Tenants.CountAsync();
            Console.WriteLine($"reused {requests:N0} requests, {tenants:N0} tenants, migrated in {seed.Elapsed.TotalSeconds:0.0} s ({where})");
        }
        else
        {
            await Seeder.SeedAsync(factory, requests, tenants);
            Console.WriteLine($"seeded {requests:N0} requests, {tenants:N0} tenants in {seed.Elapsed.TotalSeconds:0.0} s ({where})");
        }

        var time = TimeProvider.System;
        var queue = new QueueQuery(factory, time);
        var overview = new OverviewQuery(factory, time);
        var tenantQuery = new TenantQuery(factory);
        var audit = new AuditQuery(factory);
        var detail = new RequestDetailQuery(factory);
        var sampleAccount = Seeder.AccountName(tenants / 2);

        var queries = new List<(string Page, string Query, Func<Task> Run)>
        {
            ("Queue", "first page, newest first", () => queue.PageAsync(new QueueFilter(), QueueSort.ReceivedAt, true, 0, 25)),
            ("Queue", "search by account name", () => queue.PageAsync(new QueueFilter { Search = sampleAccount }, QueueSort.ReceivedAt, true, 0, 25)),
            ("Queue", "awaiting approval, by deadline", () => queue.PageAsync(new QueueFilter { State = RequestState.AwaitingApproval }, QueueSort.Deadline, false, 0, 25)),
            ("Queue", "expiring within 24 h", () => queue.PageAsync(new QueueFilter { ExpiringSoon = true }, QueueSort.Deadline, false, 0, 25)),
            ("Overview", "counts", () => overview.CountsAsync()),
            ("Overview", "events per day (30 days)", () => overview.EventsPerDayAsync()),
            // A fresh query object each time: the first Overview after a start counts all 30 days, not only today.
            ("Overview", "events per day, first call after start", () => new OverviewQuery(factory, time).EventsPerDayAsync()),
            ("Overview", "recent completions", () => overview.RecentCompletionsAsync()),
            ("Overview", "whole page (3 queries)", async () => { await overview.CountsAsync(); await overview.EventsPerDayAsync(); await overview.RecentCompletionsAsync(); }),
            ("Tenants", "first page", () => tenantQuery.PageAsync(null, null, 0, 25)),
            ("Tenants", "search", () => tenantQuery.PageAsync(sampleAccount, null, 0, 25)),
            ("Audit", "first page", () => audit.PageAsync(new AuditFilter(), 0, 50)),
            ("Request", "detail", () => detail.LoadAsync(requests / 2)),
        };

        if (explain is not null)
        {
            // Warm caches first (as the timed runs do), then one run of each query with its plans printed.
            foreach (var (_, _, run) in queries) await run();
            foreach (var (page, query, run) in queries)
            {
                if (query.StartsWith("whole page", StringComparison.Ordinal)) continue;
                Console.WriteLine($"## {page}: {query}");
                explain.Active = true;
                await run();
                explain.Active = false;
                Console.WriteLine();
            }
            return 0;
        }

        var rows = new List<(string Page, string Query, double Ms)>();
        foreach (var (page, query, run) in queries) rows.Add((page, query, await Stats.MedianMsAsync(run)));

        Console.WriteLine();
        Console.WriteLine($"| page | query | median ms ({requests:N0} requests, {tenants:N0} tenants{(postgres is null ? "" : ", PostgreSQL")}) |");
        Console.WriteLine("|---|---|---:|");
        foreach (var (page, query, ms) in rows) Console.WriteLine($"| {page} | {query} | {ms:0.0} |");
        Console.WriteLine();
        GC.Collect();
        Console.WriteLine($"process working set after: {Environment.WorkingSet / 1024 / 1024} MB");
        return 0;
    }

    private static void Configure(DbContextOptionsBuilder builder, string[] args, ExplainInterceptor? explain)
    {
        // --sql: print each command (with its parameters) to read the plans with sqlite3's EXPLAIN QUERY PLAN or psql's EXPLAIN.
        if (args.Contains("--sql"))
            builder.LogTo(Console.WriteLine, [RelationalEventId.CommandExecuted], LogLevel.Information).EnableSensitiveDataLogging();
        if (explain is not null) builder.AddInterceptors(explain);
    }

    private sealed class Factory(Func<PortalDbContext> create) : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => create();
    }
}
