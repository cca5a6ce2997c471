using Hangfire;
using Hangfire.InMemory;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Staff;
using TalkdeskPortal.Lifecycle.Jobs;
using TalkdeskPortal.Tenants;

namespace TalkdeskPortal.Lifecycle;

public static class LifecycleServiceCollectionExtensions
{
    public static WebApplicationBuilder AddLifecycle(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ApprovalOptions>().BindConfiguration(ApprovalOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<JobOptions>().BindConfiguration(JobOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<AuditLog>();
        services.AddSingleton<CredentialProtector>();
        services.AddSingleton<RequestChanges>();
        services.AddSingleton<PolicyStore>();
        services.AddSingleton<RequestRetry>();
        services.AddSingleton<ApprovalPolicy>();
        services.AddSingleton<ApprovalService>();
        services.AddSingleton<ConnectionFactory>();
        services.AddSingleton<EventConfirmation>();
        services.AddSingleton<TenantProvisioner>();
        services.AddSingleton<ProvisioningStep>();
        services.AddSingleton<DecisionSender>();
        services.AddSingleton<RequestWorkflow>();
        services.AddSingleton<RequestExpiry>();
        services.AddSingleton<RequestProcessor>();
        services.AddSingleton<AccountLocks>();
        services.AddSingleton<RequestDispatcher>();
        services.AddTransient<ProcessRequestJob>();
        services.AddTransient<ExpireOverdueRequestsJob>();

        // Hangfire only schedules; the database is the truth. One storage per app instance, never the static global.
        services.AddSingleton<JobStorage>(_ => new InMemoryStorage());
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(sp.GetRequiredService<JobStorage>()));

        var jobs = builder.Configuration.GetSection(JobOptions.Section).Get<JobOptions>() ?? new();
        if (jobs.RunServer)
        {
            services.AddHangfireServer((sp, server) => server.WorkerCount = jobs.WorkerCount);
            services.AddHostedService<RequestDispatchService>();
            services.AddHostedService<RecoveryService>();
        }
        return builder;
    }

    /// <summary>Loads the saved approval policy before the first request is processed.</summary>
    public static Task LoadPolicyAsync(this WebApplication app) => app.Services.GetRequiredService<PolicyStore>().LoadAsync();

    public static WebApplication MapLifecycle(this WebApplication app)
    {
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new AdminDashboardAuthorizationFilter()],
            DashboardTitle = "TalkdeskPortal jobs",
            AppPath = "/",
        }).RequireAuthorization(StaffRoles.CanAdminister);
        app.MapRequestActions();
        var jobs = app.Configuration.GetSection(JobOptions.Section).Get<JobOptions>() ?? new();
        if (jobs.RunServer)
        {
            app.Services.GetRequiredService<IRecurringJobManager>()
                .AddOrUpdate<ExpireOverdueRequestsJob>("expire-overdue-requests", job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        }
        return app;
    }
}
