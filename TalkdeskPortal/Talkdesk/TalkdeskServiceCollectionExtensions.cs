using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace TalkdeskPortal.Talkdesk;

public static class TalkdeskServiceCollectionExtensions
{
    public static WebApplicationBuilder AddTalkdesk(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TalkdeskOptions>()
            .BindConfiguration(TalkdeskOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Regions.All(r => r is { IsComplete: true }),
                "Every Talkdesk:Regions entry needs both ApiHost and TokenUrlTemplate.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TalkdeskEndpoints>();
        services.AddSingleton<ClientAssertionFactory>();
        services.AddSingleton<ITalkdeskTokenProvider, TalkdeskTokenProvider>();
        services.AddSingleton<UnconfirmedCallGate>();

        // A resend of the token POST would carry the same assertion, and a jti Talkdesk already saw is refused
        // (400 invalid_grant): the provider retries by signing a new assertion instead, never the pipeline.
        services.AddHttpClient(TalkdeskTokenProvider.HttpClientName, ConfigureClient)
            .AddResilienceHandler("talkdesk-token", (pipeline, context) =>
                TalkdeskResilience.Configure(pipeline, Http(context.ServiceProvider), retryUnsafeMethods: false));
        // The client lives inside singletons, so connections are recycled by the handler, not by the factory.
        services.AddHttpClient<ITalkdeskApi, TalkdeskApiClient>(ConfigureClient)
            .UseSocketsHttpHandler((handler, _) => handler.PooledConnectionLifetime = TimeSpan.FromMinutes(5))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // POST /state and POST credentials/state decide something at Talkdesk: one send per call (TALKDESK.md §5).
            .AddResilienceHandler("talkdesk-api", (pipeline, context) =>
                TalkdeskResilience.Configure(pipeline, Http(context.ServiceProvider), retryUnsafeMethods: false));
        return builder;
    }

    private static TalkdeskHttpOptions Http(IServiceProvider services) =>
        services.GetRequiredService<IOptions<TalkdeskOptions>>().Value.Http;

    // The resilience pipeline owns timeouts; HttpClient's own 100 s limit would cut across it.
    private static void ConfigureClient(HttpClient client)
    {
        client.Timeout = Timeout.InfiniteTimeSpan;
        client.DefaultRequestHeaders.UserAgent.ParseAdd("TalkdeskPortal/1.0");
    }
}
