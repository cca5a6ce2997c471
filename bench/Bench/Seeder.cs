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
    public static string AccountName(int i) => $"account{i:D6}";

    public static async Task SeedAsync(IDbContextFactory<PortalDbContext> factory, int requests, int tenants)
    {
        await using (var db = factory.CreateDbContext())
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        var now = DateTimeOffset.UtcNow;
        var random = new Random(42);
        const int batch = 5000;
        for (var start = 0; start < tenants; start += batch)
        {
            await using var db = factory.CreateDbContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(tenants, start + batch); i++)
            {
                db.Tenants.Add(new Tenant
                {
                    TalkdeskAccountId = $"acc{i:D6}", AccountName = AccountName(i), CompanyName = $"Company {i}",
                    Status = i % 10 == 0 ? TenantStatus.Uninstalled : TenantStatus.Active, InstallationId = $"inst{i:D6}",
                    SubscriptionName = "Paid", Licenses = 10, InstallCount = 1, CreatedAt = now.AddDays(-60), UpdatedAt = now,
                    Users = [new TenantUser { TalkdeskUserId = $"u{i}a", Email = $"a@{i}.example", Name = "Admin", Active = true, IsAdmin = true }],
                });
            }
            await db.SaveChangesAsync();
        }
        var kinds = new[] { RequestKind.Install, RequestKind.Update, RequestKind.Update, RequestKind.Uninstall };
        for (var start = 0; start < requests; start += batch)
        {
            await using var db = factory.CreateDbContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(requests, start + batch); i++)
            {
                var received = now.AddMinutes(-random.Next(0, 60 * 24 * 30));
                var kind = kinds[i % kinds.Length];
                var state = (i % 50) switch { 0 => RequestState.AwaitingApproval, 1 => RequestState.Failed, 2 => RequestState.Received, _ => RequestState.Completed };
                var account = i % Math.Max(tenants, 1);
                var id = $"evt{i:D8}";
                db.Events.Add(new ReceivedEvent
                {
                    Id = id, Type = EventTypes.For(kind), AppId = "bench-app", InstallationId = $"inst{account:D6}", AccountId = $"acc{account:D6}",
                    CreatedAt = received, FirstReceivedAt = received, LastReceivedAt = received, DeliveryCount = 1,
                    RedactedPayload = "{\"id\":\"" + id + "\"}",
                    Deliveries = [new EventDelivery { EventId = id, ReceivedAt = received }],
                });
                db.Requests.Add(new LifecycleRequest
                {
                    EventId = id, Kind = kind, State = state, AppId = "bench-app", InstallationId = $"inst{account:D6}",
                    AccountId = $"acc{account:D6}", AccountName = AccountName(account), ApiRoot = "https://api.talkdeskapp.com/",
                    EventCreatedAt = received, ReceivedAt = received, UpdatedAt = received, Deadline = received.AddDays(7),
                    CompletedAt = state == RequestState.Completed ? received.AddMilliseconds(random.Next(40, 400)) : null,
                    Confirmed = true, LicensedUsers = 5, WaitingReason = state == RequestState.AwaitingApproval ? "Policy: installs wait for staff approval." : null,
                });
                db.Audit.Add(new AuditEntry { At = received, Actor = "system", Action = "request.completed", Outcome = "ok", EventId = id, AccountId = $"acc{account:D6}" });
            }
            await db.SaveChangesAsync();
        }
    }
}
