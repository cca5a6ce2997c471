using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Dashboard;
using TalkdeskPortal.Data;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Lifecycle.Jobs;
using TalkdeskPortal.Operations;
using TalkdeskPortal.Product;
using TalkdeskPortal.Product.Jobs;
using TalkdeskPortal.Tenants;
using TalkdeskPortal.Staff;
using TalkdeskPortal.Tests.Support;
using TalkdeskPortal.Webhooks;

namespace TalkdeskPortal.Tests.Components;

/// <summary>bUnit with MudBlazor, a real migrated SQLite file, and the real services the pages call.</summary>
public abstract class ComponentTestBase : BunitContext, IAsyncLifetime
{
    private readonly string _dataDirectory = TestData.NewDirectory();
    private BunitAuthorizationContext? _auth;

    // bUnit's own default (1 s) is too short for a first render with SQLite and JIT on a busy 2-core CI machine;
    // a wait that passes still returns as soon as it passes.
    static ComponentTestBase() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    protected ComponentTestBase()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        TestProvider.AddPortalDb(Services, _dataDirectory);
        Services.AddSingleton(TimeProvider.System);
        Services.AddOptions<ApprovalOptions>();
        Services.AddOptions<TalkdeskPortal.Retention.RetentionOptions>();
        Services.AddSingleton<TalkdeskPortal.Talkdesk.ITalkdeskTokenProvider, NoTokens>();
        Services.AddOptions<TalkdeskPortal.Notifications.NotificationOptions>();
        Services.AddMetrics();
        Services.AddLogging();
        foreach (var type in new[]
                 {
                     typeof(AuditLog), typeof(RequestChanges), typeof(FourEyes), typeof(RequestDispatcher), typeof(RequestStateMachine), typeof(PortalMetrics), typeof(ApprovalService), typeof(RequestRetry),
                     typeof(QueueQuery), typeof(RequestDetailQuery), typeof(OverviewQuery), typeof(PolicyStore), typeof(ApprovalPolicy), typeof(PolicyPreview),
                     typeof(TenantQuery), typeof(ProductDeliveryQuery), typeof(ProductDeliverer), typeof(ProductDeliveryClient), typeof(ProductWebhookSigner),
                     typeof(ProductGate), typeof(ProductOutbox), typeof(AccountGate), typeof(ProductDeliveryDispatcher),
                     typeof(TalkdeskPortal.Notifications.NotificationPreferences), typeof(TalkdeskPortal.Notifications.ChannelStatus),
                     typeof(TalkdeskPortal.Retention.RetentionDb), typeof(TalkdeskPortal.Retention.PayloadEraser), typeof(TalkdeskPortal.Retention.TenantEraser),
                 })
            Services.AddSingleton(type);
        // The product bridge is off unless a test sets Product:WebhookUrl here; Resend then sends nothing.
        Services.AddOptions<ProductOptions>().Configure(o => ConfigureProduct(o));
        Services.AddHttpClient();
        Services.AddSingleton<Hangfire.IBackgroundJobClient, NoJobs>();
        Services.AddSingleton<TalkdeskPortal.Lifecycle.Jobs.ISharedLocks, TalkdeskPortal.Lifecycle.Jobs.ProcessOnlyLocks>();
        Services.AddScoped<LiveUpdates>();
        // Staff accounts in the same database: actions re-read the role from here, as in the app.
        Services.AddIdentityCore<StaffUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<PortalDbContext>();
        Services.AddSingleton<StaffAccess>();
        Services.AddSingleton<StaffAdmin>();
        using var db = Db();
        db.Database.Migrate();
    }

    protected virtual void ConfigureProduct(ProductOptions options) { }

    // Its own context, not the container's: bUnit allows no registrations after the first resolve.
    protected PortalDbContext Db() => TestProvider.Open(_dataDirectory);

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only IAsyncDisposable; xunit 2 awaits this, then Dispose finds nothing left to do.
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    /// <summary>Signs in a staff account that exists in the database with <paramref name="role"/>; returns its id.</summary>
    protected string SignInAs(string name, string role)
    {
        var auth = _auth ??= AddAuthorization(); // registers services: before anything is resolved
        var id = EnsureStaff(name, role);
        auth.SetAuthorized(name);
        auth.SetRoles(role);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, id));
        if (role is StaffRoles.Approver or StaffRoles.Admin) auth.SetPolicies(StaffRoles.CanDecide);
        if (role is StaffRoles.Admin) auth.SetPolicies(StaffRoles.CanDecide, StaffRoles.CanAdminister);
        return id;
    }

    private string EnsureStaff(string name, string role)
    {
        using var scope = Services.GetRequiredService<IServiceScopeFactory>().CreateScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var r in StaffRoles.All)
            if (!roles.RoleExistsAsync(r).GetAwaiter().GetResult()) roles.CreateAsync(new IdentityRole(r)).GetAwaiter().GetResult();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = users.FindByNameAsync(name).GetAwaiter().GetResult();
        if (user is null)
        {
            user = new StaffUser { UserName = name, Email = name.Contains('@') ? name : $"{name}@test.example" };
            Assert.True(users.CreateAsync(user).GetAwaiter().GetResult().Succeeded);
        }
        users.RemoveFromRolesAsync(user, users.GetRolesAsync(user).GetAwaiter().GetResult()).GetAwaiter().GetResult();
        users.AddToRoleAsync(user, role).GetAwaiter().GetResult();
        return user.Id;
    }

    protected LifecycleRequest Seed(string account, RequestState state, RequestKind kind = RequestKind.Install,
        TimeSpan? deadlineIn = null, string? error = null, int licensedUsers = 3,
        int attempts = 0, TimeSpan? nextAttemptIn = null, int decisionAttempts = 0)
    {
        var now = DateTimeOffset.UtcNow;
        var eventId = Guid.NewGuid().ToString("N");
        var request = new LifecycleRequest
        {
            EventId = eventId, Kind = kind, State = state, AppId = "app", InstallationId = "inst-" + account, AccountId = "acc-" + account,
            AccountName = account, ApiRoot = "https://api.talkdeskapp.com/", EventCreatedAt = now, ReceivedAt = now, UpdatedAt = now,
            Deadline = now + (deadlineIn ?? TimeSpan.FromDays(7)), Error = error, LicensedUsers = licensedUsers,
            WaitingReason = state == RequestState.AwaitingApproval ? "Policy: installs wait for staff approval." : null,
            ResumeState = state is RequestState.Failed or RequestState.Retrying ? RequestState.Processing : null,
            Attempts = attempts, NextAttemptAt = now + nextAttemptIn, DecisionAttempts = decisionAttempts,
            DecisionSentAt = decisionAttempts > 0 ? now : null,
        };
        using var db = Db();
        db.Events.Add(new ReceivedEvent
        {
            Id = eventId, Type = "app.installed", AppId = "app", InstallationId = request.InstallationId, AccountId = request.AccountId,
            CreatedAt = now, FirstReceivedAt = now, LastReceivedAt = now, DeliveryCount = 1,
            RedactedPayload = "{\"id\":\"" + eventId + "\",\"data\":{\"client_secret\":\"" + PayloadRedactor.Mask + "\",\"private_key\":\"" + PayloadRedactor.Mask + "\"}}",
            Deliveries = [new() { EventId = eventId, ReceivedAt = now, RemoteAddress = "127.0.0.1" }],
        });
        db.Requests.Add(request);
        db.Audit.Add(new AuditEntry { At = now, Actor = "system", Action = "event.confirmed", Outcome = AuditOutcomes.Ok, EventId = eventId, Detail = "Confirmed" });
        db.SaveChanges();
        return request;
    }

    protected LifecycleRequest Reload(long id)
    {
        using var db = Db();
        return db.Requests.AsNoTracking().Single(r => r.Id == id);
    }
}
