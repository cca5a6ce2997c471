using Hangfire;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Lifecycle;

namespace TalkdeskPortal.Backups;

/// <summary>Online backups of the database and the key ring: the schedule, the service, the health check, the Admin endpoint.</summary>
public static class BackupServiceCollectionExtensions
{
    public const string JobId = "backup";

    public static WebApplicationBuilder AddBackups(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BackupSchedule>();
        services.AddSingleton<BackupStatus>();
        services.AddSingleton<BackupService>();
        services.AddTransient<BackupJob>();
        services.AddHealthChecks().AddCheck<BackupHealthCheck>("backup");
        return builder;
    }

    public static WebApplication MapBackups(this WebApplication app)
    {
        _ = app.Services.GetRequiredService<BackupSchedule>(); // counts the portal's running time from here
        app.MapBackupEndpoints();
        var jobs = app.Configuration.GetSection(JobOptions.Section).Get<JobOptions>() ?? new();
        if (!jobs.RunServer) return app;
        var options = app.Configuration.GetSection(BackupOptions.Section).Get<BackupOptions>() ?? new();
        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        if (options.Scheduled)
            recurring.AddOrUpdate<BackupJob>(JobId, job => job.RunAsync(AuditActors.System, CancellationToken.None), options.Cron!,
                new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        else
            recurring.RemoveIfExists(JobId);
        return app;
    }
}
