using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using TalkdeskPortal.Dashboard;
using TalkdeskPortal.Data;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Tenants;

namespace Bench;

/// <summary>
/// Seeds a fresh database with many requests and tenants, then times the queries the dashboard pages run
/// (the server's work for a page), each as the median of seven runs after a warm-up.
/// </summary>
internal static class DashboardBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var requests = Args.Int(args, "--requests", 100_000);
        var tenants = Args.Int(args, "--tenants", 20_000);
        var folder = Args.Text(args, "--data") ?? Path.Combine(Path.GetTempPath(), "portal-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var builder = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "portal.db")}");
        // --sql: print each command (with its parameters) to read the plans with sqlite3's EXPLAIN QUERY PLAN.
        if (args.Contains("--sql"))
            builder.LogTo(Console.WriteLine, [RelationalEventId.CommandExecuted], LogLevel.Information).EnableSensitiveDataLogging();
        var options = builder.Options;
        var factory = new Factory(options);

        var seed = Stopwatch.StartNew();
        // --reuse: time a database seeded by an earlier run (migrated to this build's schema) instead of seeding again.
        if (args.Contains("--reuse") && File.Exists(Path.Combine(folder, "portal.db")))
        {
            await using var db = factory.CreateDbContext();
            await db.Database.MigrateAsync();
            Console.WriteLine($"reused {await db.Requests.CountAsync():N0} requests, {await db.Tenants.CountAsync():N0} tenants, migrated in {seed.Elapsed.TotalSeconds:0.0} s ({folder})");
        }
        else
        {
            await Seeder.SeedAsync(factory, requests, tenants);
            Console.WriteLine($"seeded {requests:N0} requests, {tenants:N0} tenants in {seed.Elapsed.TotalSeconds:0.0} s ({folder})");
        }

        var time = TimeProvider.System;
        var queue = new QueueQuery(factory, time);
        var overview = new OverviewQuery(factory, time);
        var tenantQuery = new TenantQuery(factory);
        var audit = new AuditQuery(factory);
        var detail = new RequestDetailQuery(factory);
        var sampleAccount = Seeder.AccountName(tenants / 2);

        var rows = new List<(string Page, string Query, double Ms)>
        {
            ("Queue", "first page, newest first", await Stats.MedianMsAsync(() => queue.PageAsync(new QueueFilter(), QueueSort.ReceivedAt, true, 0, 25))),
            ("Queue", "search by account name", await Stats.MedianMsAsync(() => queue.PageAsync(new QueueFilter { Search = sampleAccount }, QueueSort.ReceivedAt, true, 0, 25))),
            ("Queue", "awaiting approval, by deadline", await Stats.MedianMsAsync(() => queue.PageAsync(new QueueFilter { State = RequestState.AwaitingApproval }, QueueSort.Deadline, false, 0, 25))),
            ("Queue", "expiring within 24 h", await Stats.MedianMsAsync(() => queue.PageAsync(new QueueFilter { ExpiringSoon = true }, QueueSort.Deadline, false, 0, 25))),
            ("Overview", "counts", await Stats.MedianMsAsync(() => overview.CountsAsync())),
            ("Overview", "events per day (30 days)", await Stats.MedianMsAsync(() => overview.EventsPerDayAsync())),
            // A fresh query object each time: the first Overview after a start counts all 30 days, not only today.
            ("Overview", "events per day, first call after start", await Stats.MedianMsAsync(() => new OverviewQuery(factory, time).EventsPerDayAsync())),
            ("Overview", "recent completions", await Stats.MedianMsAsync(() => overview.RecentCompletionsAsync())),
            ("Overview", "whole page (3 queries)", await Stats.MedianMsAsync(async () => { await overview.CountsAsync(); await overview.EventsPerDayAsync(); await overview.RecentCompletionsAsync(); })),
            ("Tenants", "first page", await Stats.MedianMsAsync(() => tenantQuery.PageAsync(null, null, 0, 25))),
            ("Tenants", "search", await Stats.MedianMsAsync(() => tenantQuery.PageAsync(sampleAccount, null, 0, 25))),
            ("Audit", "first page", await Stats.MedianMsAsync(() => audit.PageAsync(new AuditFilter(), 0, 50))),
            ("Request", "detail", await Stats.MedianMsAsync(() => detail.LoadAsync(requests / 2))),
        };

        Console.WriteLine();
        Console.WriteLine($"| page | query | median ms ({requests:N0} requests, {tenants:N0} tenants) |");
        Console.WriteLine("|---|---|---:|");
        foreach (var (page, query, ms) in rows) Console.WriteLine($"| {page} | {query} | {ms:0.0} |");
        Console.WriteLine();
        GC.Collect();
        Console.WriteLine($"process working set after: {Environment.WorkingSet / 1024 / 1024} MB");
        return 0;
    }

    private sealed class Factory(DbContextOptions<PortalDbContext> options) : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => new(options);
    }
}
