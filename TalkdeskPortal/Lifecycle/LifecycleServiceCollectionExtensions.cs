using Hangfire;
using Microsoft.Extensions.Options;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Data;
using TalkdeskPortal.Lifecycle.Jobs;
using TalkdeskPortal.Staff;
using TalkdeskPortal.Tenants;

namespace TalkdeskPortal.Lifecycle;

public static class LifecycleServiceCollectionExtensions
{
    public const string SweepJobId = "lifecycle-sweep";

    public static WebApplicationBuilder AddLifecycle(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ApprovalOptions>().BindConfiguration(ApprovalOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<JobOptions>().BindConfiguration(JobOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<AuditLog>();
        services.AddSingleton<CredentialProtector>();
        services.AddSingleton<RequestChanges>();
        services.AddSingleton<PolicyStore>();
        services.AddSingleton<ApprovalPolicy>();
        services.AddSingleton<RequestStateMachine>();
        services.AddSingleton<RequestExpiry>();
        services.AddSingleton<RequestFailures>();
        services.AddSingleton<OrphanRequests>();
        services.AddSingleton<RequestSweep>();
        services.AddSingleton<RequestRetry>();
        services.AddSingleton<ApprovalService>();
        services.AddSingleton<FourEyes>();
        services.AddSingleton<ConnectionFactory>();
        services.AddSingleton<EventConfirmation>();
        services.AddSingleton<TenantProvisioner>();
        services.AddSingleton<ProvisioningStep>();
        services.AddSingleton<DecisionEffects>();
        services.AddSingleton<DecisionSender>();
        services.AddSingleton<RequestWorkflow>();
        services.AddSingleton<RequestProcessor>();
        services.AddSingleton<AccountLocks>();
        if (builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>()?.IsPostgreSql == true)
            services.AddSingleton<ISharedLocks, TalkdeskPortal.Data.PostgreSql.AdvisoryLocks>();
        else
            services.AddSingleton<ISharedLocks, ProcessOnlyLocks>();
        services.AddSingleton<RequestDispatcher>();
        services.AddTransient<ProcessRequestJob>();
        services.AddTransient<LifecycleSweepJob>();

        // Hangfire only schedules; the database is the truth. One storage per app instance, never the static global.
        services.AddSingleton<JobStorage>(JobStorageFactory.Create);
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogProvider(sp.GetRequiredService<ILoggerFactory>()))
            .UseStorage(sp.GetRequiredService<JobStorage>()));

        var jobs = builder.Configuration.GetSection(JobOptions.Section).Get<JobOptions>() ?? new();
        if (jobs.RunServer)
        {
            services.AddHangfireServer((sp, server) =>
            {
                server.WorkerCount = jobs.HangfireWorkerCount;
                server.SchedulePollingInterval = jobs.PollInterval;
            });
            services.AddHostedService<RecoveryService>();
            services.AddHostedService<RequestRunner>();
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
                .AddOrUpdate<LifecycleSweepJob>(SweepJobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        }
        return app;
    }
}
