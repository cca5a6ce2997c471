using Hangfire;
using Microsoft.Extensions.Options;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Product.Jobs;

namespace TalkdeskPortal.Product;

/// <summary>Lifecycle webhooks to the partner's product: an outbox written with each change, delivered and retried.</summary>
public static class ProductServiceCollectionExtensions
{
    public const string SweepJobId = "product-delivery-sweep";

    public static WebApplicationBuilder AddProductBridge(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<ProductOptions>, ProductOptionsValidation>();
        services.AddOptions<ProductOptions>().BindConfiguration(ProductOptions.Section).ValidateOnStart();

        services.AddSingleton<ProductOutbox>();
        services.AddSingleton<ProductWebhookSigner>();
        services.AddSingleton<ProductDeliveryClient>();
        services.AddSingleton<ProductDeliverer>();
        services.AddSingleton<ProductGate>();
        services.AddSingleton<AccountGate>();
        services.AddSingleton<ProductDeliveryDispatcher>();
        services.AddSingleton<ProductDeliverySweep>();
        services.AddSingleton<ProductDeliveryQuery>();
        services.AddTransient<ProductDeliveryJob>();
        services.AddTransient<ProductDeliverySweepJob>();
        // No pipeline retries (the outbox retries durably) and no redirects (Standard Webhooks: a redirect is a failure).
        services.AddHttpClient(ProductDeliveryClient.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });

        if (RunsJobs(builder.Configuration)) services.AddHostedService<ProductDeliveryRunner>();
        return builder;
    }

    public static WebApplication MapProductBridge(this WebApplication app)
    {
        if (RunsJobs(app.Configuration))
            app.Services.GetRequiredService<IRecurringJobManager>()
                .AddOrUpdate<ProductDeliverySweepJob>(SweepJobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        return app;
    }

    private static bool RunsJobs(IConfiguration configuration) =>
        (configuration.GetSection(JobOptions.Section).Get<JobOptions>() ?? new()).RunServer;
}
