using Hangfire;
using Microsoft.Extensions.Options;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Notifications.Channels;
using TalkdeskPortal.Notifications.Jobs;

namespace TalkdeskPortal.Notifications;

/// <summary>Staff notifications: an outbox written from request changes and scans, sent by email, Slack and Teams.</summary>
public static class NotificationServiceCollectionExtensions
{
    public const string ScanJobId = "notification-scan";
    public const string DigestJobId = "notification-digest";

    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidation>();
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section).ValidateOnStart();
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section)
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicUrl) || PortalLinks.IsAbsolute(o.PublicUrl), "Portal:PublicUrl must be an absolute http or https URL.")
            .ValidateOnStart();

        services.AddSingleton<PortalLinks>();
        services.AddSingleton<NotificationRecipients>();
        services.AddSingleton<NotificationOutbox>();
        services.AddSingleton<RequestNotifier>();
        services.AddSingleton<NotificationScan>();
        services.AddSingleton<DailyDigest>();
        services.AddSingleton<NotificationSender>();
        services.AddSingleton<NotificationPreferences>();
        services.AddSingleton<ChannelStatus>();
        services.AddSingleton<NotificationDispatcher>();
        services.AddSingleton<ChangedRequests>();
        services.AddSingleton<WebhookPoster>();
        services.AddSingleton<INotificationTransport, EmailTransport>();
        services.AddSingleton<INotificationTransport, SlackTransport>();
        services.AddSingleton<INotificationTransport, TeamsTransport>();
        services.AddTransient<NotificationJob>();
        services.AddTransient<NotificationScanJob>();
        services.AddTransient<DailyDigestJob>();
        // No pipeline retries (the outbox retries on its own durable schedule), and no request logging: the
        // webhook URL's path is the secret, and the default handler logs it.
        services.AddHttpClient(WebhookPoster.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers();

        if (RunsJobs(builder.Configuration))
        {
            services.AddHostedService<NotificationRunner>();
            services.AddHostedService<RequestChangeWatcher>();
        }
        return builder;
    }

    public static WebApplication MapNotifications(this WebApplication app)
    {
        if (!RunsJobs(app.Configuration)) return app;
        var o = app.Services.GetRequiredService<IOptions<NotificationOptions>>().Value;
        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<NotificationScanJob>(ScanJobId, job => job.RunAsync(CancellationToken.None), o.ScanCron);
        recurring.AddOrUpdate<DailyDigestJob>(DigestJobId, job => job.RunAsync(CancellationToken.None), Cron.Daily(o.DigestHour),
            new RecurringJobOptions { TimeZone = o.DigestZone() });
        return app;
    }

    private static bool RunsJobs(IConfiguration configuration) =>
        (configuration.GetSection(JobOptions.Section).Get<JobOptions>() ?? new()).RunServer;
}
