using Microsoft.Extensions.Options;

namespace TalkdeskPortal.Product;

/// <summary>Lifecycle webhooks to the partner's product: an outbox written with each change, delivered and retried.</summary>
public static class ProductServiceCollectionExtensions
{
    public static WebApplicationBuilder AddProductBridge(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidateOptions<ProductOptions>, ProductOptionsValidation>();
        builder.Services.AddOptions<ProductOptions>().BindConfiguration(ProductOptions.Section).ValidateOnStart();
        return builder;
    }

    public static WebApplication MapProductBridge(this WebApplication app)
    {
        return app;
    }
}
