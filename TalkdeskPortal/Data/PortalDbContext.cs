using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
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

/// <summary>
/// The portal's database. This type carries the SQLite migrations; <see cref="PostgreSql.PostgresPortalDbContext"/>
/// is the same model with PostgreSQL's. Everything else asks for this type.
/// </summary>
public class PortalDbContext : IdentityDbContext<StaffUser>, IDataProtectionKeyContext
{
    public PortalDbContext(DbContextOptions<PortalDbContext> options) : base(options) { }

    protected PortalDbContext(DbContextOptions options) : base(options) { }

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

    public DbSet<TalkdeskPortal.Backups.BackupRecord> Backups => Set<TalkdeskPortal.Backups.BackupRecord>();

    // The Data Protection key ring on PostgreSQL, shared by every instance (SQLite keeps it in a folder).
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

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
        else
        {
            // timestamptz takes UTC only; a Talkdesk timestamp may carry another offset.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
        }
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}
