using TalkdeskPortal.Webhooks.Signatures;

namespace TalkdeskPortal.Webhooks;

public static class WebhookServiceCollectionExtensions
{
    public static WebApplicationBuilder AddWebhooks(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<EventEnvelopeParser>();
        builder.Services.AddSingleton<IntakeStore>();
        builder.Services.AddSingleton<IntakeQueue>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<IntakeQueue>());
        builder.Services.AddOptions<SignatureOptions>().BindConfiguration(SignatureOptions.Section);
        builder.Services.AddSingleton<IEventSignatureCheck, HmacSignatureCheck>();
        builder.Services.AddSingleton<IEventSignatureCheck, EcdsaSignatureCheck>();
        builder.Services.AddHttpClient(EcdsaSignatureCheck.HttpClientName);
        builder.Services.AddWebhookRateLimiting();
        return builder;
    }
}
