using Hangfire;
using TalkdeskPortal.Lifecycle;

namespace TalkdeskPortal.Tenants.Reconciliation;

/// <summary>Licensed-user reconciliation: a recurring pass that keeps user mappings true when Talkdesk changes them silently.</summary>
public static class ReconciliationServiceCollectionExtensions
{
    public const string JobId = "licensed-user-reconciliation";

    public static WebApplicationBuilder AddReconciliation(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ReconciliationOptions>().BindConfiguration(ReconciliationOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.MaxRunTime > TimeSpan.Zero, "Reconciliation:MaxRunTime must be positive.")
            .ValidateOnStart();
        services.AddSingleton<TenantReconciler>();
        services.AddSingleton<LicensedUserReconciliation>();
        services.AddTransient<ReconciliationJob>();
        return builder;
    }

    public static WebApplication MapReconciliation(this WebApplication app)
    {
        var jobs = app.Configuration.GetSection(JobOptions.Section).Get<JobOptions>() ?? new();
        if (!jobs.RunServer) return app;
        var options = app.Configuration.GetSection(ReconciliationOptions.Section).Get<ReconciliationOptions>() ?? new();
        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        if (options.Scheduled)
            recurring.AddOrUpdate<ReconciliationJob>(JobId, job => job.RunAsync(CancellationToken.None), options.Cron!,
                new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        else
            recurring.RemoveIfExists(JobId);
        return app;
    }
}
