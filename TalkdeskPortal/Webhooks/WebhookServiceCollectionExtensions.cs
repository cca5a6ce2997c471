namespace TalkdeskPortal.Webhooks;

public static class WebhookServiceCollectionExtensions
{
    public static WebApplicationBuilder AddWebhooks(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<EventEnvelopeParser>();
        builder.Services.AddSingleton<IntakeStore>();
        return builder;
    }
}
