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
    /// Rows go in through <see cref="PreparedInsert{T}"/> (the intake's prepared commands) in large transactions with
    /// sync off and a big page cache: a million requests in minutes instead of half an hour through SaveChanges.
    /// </summary>
    public static async Task SeedAsync(IDbContextFactory<PortalDbContext> factory, int requests, int tenants)
    {
        await using (var db = factory.CreateDbContext())
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        var now = DateTimeOffset.UtcNow;
        var random = new Random(42);
        await using var seed = factory.CreateDbContext();
        await seed.Database.OpenConnectionAsync();
        // Only for this connection's bulk load; the portal opens its own connections with its own settings.
        await seed.Database.ExecuteSqlRawAsync("PRAGMA synchronous=OFF; PRAGMA cache_size=-524288;");

        for (var start = 0; start < tenants; start += Batch)
        {
            await using var transaction = await seed.Database.BeginTransactionAsync();
            using var tenantRows = PreparedInsert<Tenant>.Create(seed);
            using var userRows = PreparedInsert<TenantUser>.Create(seed);
            for (var i = start; i < Math.Min(tenants, start + Batch); i++)
            {
                var tenant = new Tenant
                {
                    TalkdeskAccountId = $"acc{i:D6}", AccountName = AccountName(i), CompanyName = $"Company {i}",
                    Status = i % 10 == 0 ? TenantStatus.Uninstalled : TenantStatus.Active, InstallationId = $"inst{i:D6}",
                    SubscriptionName = "Paid", Licenses = 10, InstallCount = 1, CreatedAt = now.AddDays(-60), UpdatedAt = now,
                };
                await tenantRows.InsertAsync(tenant, default);
                await userRows.InsertAsync(new TenantUser { TenantId = tenant.Id, TalkdeskUserId = $"u{i}a", Email = $"a@{i}.example", Name = "Admin", Active = true, IsAdmin = true }, default);
            }
            await transaction.CommitAsync();
        }

        var kinds = new[] { RequestKind.Install, RequestKind.Update, RequestKind.Update, RequestKind.Uninstall };
        for (var start = 0; start < requests; start += Batch)
        {
            await using var transaction = await seed.Database.BeginTransactionAsync();
            using var eventRows = PreparedInsert<ReceivedEvent>.Create(seed);
            using var deliveryRows = PreparedInsert<EventDelivery>.Create(seed);
            using var requestRows = PreparedInsert<LifecycleRequest>.Create(seed);
            using var auditRows = PreparedInsert<AuditEntry>.Create(seed);
            for (var i = start; i < Math.Min(requests, start + Batch); i++)
            {
                var received = now.AddMinutes(-random.Next(0, 60 * 24 * 30));
                var kind = kinds[i % kinds.Length];
                var state = (i % 50) switch { 0 => RequestState.AwaitingApproval, 1 => RequestState.Failed, 2 => RequestState.Received, _ => RequestState.Completed };
                var account = i % Math.Max(tenants, 1);
                var id = $"evt{i:D8}";
                await eventRows.InsertAsync(new ReceivedEvent
                {
                    Id = id, Type = EventTypes.For(kind), AppId = "bench-app", InstallationId = $"inst{account:D6}", AccountId = $"acc{account:D6}",
                    CreatedAt = received, FirstReceivedAt = received, LastReceivedAt = received, DeliveryCount = 1,
                    RedactedPayload = "{\"id\":\"" + id + "\"}",
                }, default);
                await deliveryRows.InsertAsync(new EventDelivery { EventId = id, ReceivedAt = received }, default);
                await requestRows.InsertAsync(new LifecycleRequest
                {
                    EventId = id, Kind = kind, State = state, AppId = "bench-app", InstallationId = $"inst{account:D6}",
                    AccountId = $"acc{account:D6}", AccountName = AccountName(account), ApiRoot = "https://api.talkdeskapp.com/",
                    EventCreatedAt = received, ReceivedAt = received, UpdatedAt = received, Deadline = received.AddDays(7),
                    CompletedAt = state == RequestState.Completed ? received.AddMilliseconds(random.Next(40, 400)) : null,
                    Confirmed = true, LicensedUsers = 5, WaitingReason = state == RequestState.AwaitingApproval ? "Policy: installs wait for staff approval." : null,
                }, default);
                await auditRows.InsertAsync(new AuditEntry { At = received, Actor = "system", Action = "request.completed", Outcome = "ok", EventId = id, AccountId = $"acc{account:D6}" }, default);
            }
            await transaction.CommitAsync();
        }
        await seed.Database.CloseConnectionAsync();
    }
}
