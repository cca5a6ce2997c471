using Hangfire;
using Microsoft.Extensions.Options;
using TalkdeskPortal.Lifecycle;

namespace TalkdeskPortal.Retention;

/// <summary>Retention (a recurring purge), and an Admin's export and erase of one customer's data.</summary>
public static class RetentionServiceCollectionExtensions
{
    public const string JobId = "retention";

    public static WebApplicationBuilder AddRetention(this WebApplicationBuilder builder)
    {
        builder.Services.AddRetentionServices();
        return builder;
    }

    /// <summary>The services alone, for hosts other than the portal (the purge benchmark).</summary>
    public static IServiceCollection AddRetentionServices(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidation>();
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RetentionDb>();
        services.AddSingleton<PayloadEraser>();
        services.AddSingleton<TenantEraser>();
        services.AddSingleton<RetentionPurge>();
        services.AddSingleton<TenantExport>();
        services.AddTransient<RetentionJob>();
        return services;
    }

    public static WebApplication MapRetention(this WebApplication app)
    {
        app.MapTenantExport();
        var jobs = app.Configuration.GetSection(JobOptions.Section).Get<JobOptions>() ?? new();
        if (!jobs.RunServer) return app;
        var options = app.Services.GetRequiredService<IOptions<RetentionOptions>>().Value;
        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        if (options.Scheduled)
            recurring.AddOrUpdate<RetentionJob>(JobId, job => job.RunAsync(CancellationToken.None), options.Cron!,
                new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        else
            recurring.RemoveIfExists(JobId);
        return app;
    }
}
