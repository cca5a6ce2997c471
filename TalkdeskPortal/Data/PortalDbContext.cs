using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Notifications;
using TalkdeskPortal.Product;
using TalkdeskPortal.Staff;
using TalkdeskPortal.TenantApi;
using TalkdeskPortal.Tenants;
using TalkdeskPortal.Webhooks;

namespace TalkdeskPortal.Data;

public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : IdentityDbContext<StaffUser>(options)
{
    public DbSet<ReceivedEvent> Events => Set<ReceivedEvent>();
    public DbSet<EventDelivery> Deliveries => Set<EventDelivery>();
    public DbSet<LifecycleRequest> Requests => Set<LifecycleRequest>();
    public DbSet<InstallationCredential> Credentials => Set<InstallationCredential>();
    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<TenantUser> TenantUsers => Set<TenantUser>();
    public DbSet<TenantSetting> TenantSettings => Set<TenantSetting>();
    public DbSet<ChecklistItem> Checklist => Set<ChecklistItem>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<PolicySettings> Policy => Set<PolicySettings>();
    public DbSet<ProductDelivery> ProductDeliveries => Set<ProductDelivery>();
    public DbSet<ProductDeliveryAttempt> ProductDeliveryAttempts => Set<ProductDeliveryAttempt>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<NotificationMessage> Notifications => Set<NotificationMessage>();
    public DbSet<NotificationOptOut> NotificationOptOuts => Set<NotificationOptOut>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset stored as text; store UTC milliseconds instead.
        // Other providers (PostgreSQL) keep their native timestamp type.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
        }
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}
