using Microsoft.Extensions.Options;

namespace TalkdeskPortal.Product;

/// <summary>Refuses to start with a webhook URL that is not http(s), or without a usable Standard Webhooks secret.</summary>
public sealed class ProductOptionsValidation : IValidateOptions<ProductOptions>
{
    public ValidateOptionsResult Validate(string? name, ProductOptions options)
    {
        if (!options.Enabled) return ValidateOptionsResult.Success;
        if (!Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            return ValidateOptionsResult.Fail("Product:WebhookUrl must be an absolute http or https URL (a path such as /sandbox/product/webhook only with the sandbox on).");
        if (WebhookSecrets.Parse(options.WebhookSecret) is null)
            return ValidateOptionsResult.Fail(
                "Product:WebhookSecret must be set with Product:WebhookUrl: \"whsec_\" followed by the base64 of 24 to 64 random bytes.");
        if (options.AttemptTimeout <= TimeSpan.Zero)
            return ValidateOptionsResult.Fail("Product:AttemptTimeout must be positive.");
        return ValidateOptionsResult.Success;
    }
}
