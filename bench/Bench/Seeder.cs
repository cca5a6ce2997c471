using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Data;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Tenants;
using TalkdeskPortal.Webhooks;

namespace Bench;

/// <summary>Fills a migrated database with a realistic spread of requests, events, tenants and audit.</summary>
internal static class Seeder
{
    private const int Batch = 50_000;

    public static string AccountName(int i) => $"account{i:D6}";

    /// <summary>
    /// SQLite: rows go in through <see cref="PreparedInsert{T}"/> (the intake's prepared commands) in large transactions
    /// with sync off and a big page cache: a million requests in minutes instead of half an hour through SaveChanges.
    /// PostgreSQL: the same rows through binary COPY (<see cref="PgCopy"/>), then VACUUM ANALYZE, which autovacuum
    /// would do on its own a little later: the plans then do not depend on whether it has run yet.
    /// </summary>
    public static async Task SeedAsync(IDbContextFactory<PortalDbContext> factory, int requests, int tenants)
    {
        await using (var db = factory.CreateDbContext())
        {
            await db.Database.MigrateAsync();
            if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        var now = DateTimeOffset.UtcNow;
        var random = new Random(42);
        await using var seed = factory.CreateDbContext();
        await seed.Database.OpenConnectionAsync();
        if (seed.Database.IsSqlite())
        {
            // Only for this connection's bulk load; the portal opens its own connections with its own settings.
            await seed.Database.ExecuteSqlRawAsync("PRAGMA synchronous=OFF; PRAGMA cache_size=-524288;");
            await SeedSqliteAsync(seed, now, random, requests, tenants);
        }
        else
        {
            await SeedPostgresAsync(seed, now, random, requests, tenants);
        }
        await seed.Database.CloseConnectionAsync();
    }

    private static async Task SeedSqliteAsync(PortalDbContext seed, DateTimeOffset now, Random random, int requests, int tenants)
    {
        for (var start = 0; start < tenants; start += Batch)
        {
            await using var transaction = await seed.Database.BeginTransactionAsync();
            using var tenantRows = PreparedInsert<Tenant>.Create(seed);
            using var userRows = PreparedInsert<TenantUser>.Create(seed);
            for (var i = start; i < Math.Min(tenants, start + Batch); i++)
            {
                var tenant = NewTenant(i, now);
                await tenantRows.InsertAsync(tenant, default);
                await userRows.InsertAsync(NewUser(i, tenant.Id), default);
            }
            await transaction.CommitAsync();
        }

        for (var start = 0; start < requests; start += Batch)
        {
            await using var transaction = await seed.Database.BeginTransactionAsync();
            using var eventRows = PreparedInsert<ReceivedEvent>.Create(seed);
            using var deliveryRows = PreparedInsert<EventDelivery>.Create(seed);
            using var requestRows = PreparedInsert<LifecycleRequest>.Create(seed);
            using var auditRows = PreparedInsert<AuditEntry>.Create(seed);
            for (var i = start; i < Math.Min(requests, start + Batch); i++)
            {
                var row = NewRequest(i, now, random, tenants);
                await eventRows.InsertAsync(row.Event, default);
                await deliveryRows.InsertAsync(row.Delivery, default);
                await requestRows.InsertAsync(row.Request, default);
                await auditRows.InsertAsync(row.Audit, default);
            }
            await transaction.CommitAsync();
        }
    }

    private static async Task SeedPostgresAsync(PortalDbContext seed, DateTimeOffset now, Random random, int requests, int tenants)
    {
        // Tenants with their keys set here (1, 2, ...), so their users can name them without reading them back.
        for (var start = 0; start < tenants; start += Batch)
        {
            var batch = Enumerable.Range(start, Math.Min(tenants, start + Batch) - start)
                .Select(i => { var t = NewTenant(i, now); t.Id = i + 1; return t; }).ToList();
            await PgCopy.WriteAsync(seed, batch, includeKey: true);
            await PgCopy.WriteAsync(seed, batch.Select((t, n) => NewUser(start + n, t.Id)));
        }
        await PgCopy.ResetIdentityAsync<Tenant>(seed);

        // Per batch: the events first (the other three refer to them), each table in one COPY; request ids follow
        // the order of the rows, as on SQLite.
        for (var start = 0; start < requests; start += Batch)
        {
            var batch = Enumerable.Range(start, Math.Min(requests, start + Batch) - start)
                .Select(i => NewRequest(i, now, random, tenants)).ToList();
            await PgCopy.WriteAsync(seed, batch.Select(r => r.Event));
            await PgCopy.WriteAsync(seed, batch.Select(r => r.Delivery));
            await PgCopy.WriteAsync(seed, batch.Select(r => r.Request));
            await PgCopy.WriteAsync(seed, batch.Select(r => r.Audit));
        }
        seed.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await seed.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE)");
    }

    private static Tenant NewTenant(int i, DateTimeOffset now) => new()
    {
        TalkdeskAccountId = $"acc{i:D6}", AccountName = AccountName(i), CompanyName = $"Company {i}",
        Status = i % 10 == 0 ? TenantStatus.Uninstalled : TenantStatus.Active, InstallationId = $"inst{i:D6}",
        SubscriptionName = "Paid", Licenses = 10, InstallCount = 1, CreatedAt = now.AddDays(-60), UpdatedAt = now,
    };

    private static TenantUser NewUser(int i, long tenantId) =>
        new() { TenantId = tenantId, TalkdeskUserId = $"u{i}a", Email = $"a@{i}.example", Name = "Admin", Active = true, IsAdmin = true };

    private static readonly RequestKind[] Kinds = [RequestKind.Install, RequestKind.Update, RequestKind.Update, RequestKind.Uninstall];

    // The random calls happen in the same order for every row on both providers, so both get the same data.
    private static (ReceivedEvent Event, EventDelivery Delivery, LifecycleRequest Request, AuditEntry Audit) NewRequest(
        int i, DateTimeOffset now, Random random, int tenants)
    {
        var received = now.AddMinutes(-random.Next(0, 60 * 24 * 30));
        var kind = Kinds[i % Kinds.Length];
        var state = (i % 50) switch { 0 => RequestState.AwaitingApproval, 1 => RequestState.Failed, 2 => RequestState.Received, _ => RequestState.Completed };
        var account = i % Math.Max(tenants, 1);
        var id = $"evt{i:D8}";
        var evt = new ReceivedEvent
        {
            Id = id, Type = EventTypes.For(kind), AppId = "bench-app", InstallationId = $"inst{account:D6}", AccountId = $"acc{account:D6}",
            CreatedAt = received, FirstReceivedAt = received, LastReceivedAt = received, DeliveryCount = 1,
            RedactedPayload = "{\"id\":\"" + id + "\"}",
        };
        var delivery = new EventDelivery { EventId = id, ReceivedAt = received };
        var request = new LifecycleRequest
        {
            EventId = id, Kind = kind, State = state, AppId = "bench-app", InstallationId = $"inst{account:D6}",
            AccountId = $"acc{account:D6}", AccountName = AccountName(account), ApiRoot = "https://api.talkdeskapp.com/",
            EventCreatedAt = received, ReceivedAt = received, UpdatedAt = received, Deadline = received.AddDays(7),
            CompletedAt = state == RequestState.Completed ? received.AddMilliseconds(random.Next(40, 400)) : null,
            Confirmed = true, LicensedUsers = 5, WaitingReason = state == RequestState.AwaitingApproval ? "Policy: installs wait for staff approval." : null,
        };
        var audit = new AuditEntry { At = received, Actor = "system", Action = "request.completed", Outcome = "ok", EventId = id, AccountId = $"acc{account:D6}" };
        return (evt, delivery, request, audit);
    }
}
