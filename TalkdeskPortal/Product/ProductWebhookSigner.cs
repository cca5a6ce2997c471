using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using StandardWebhooks;

namespace TalkdeskPortal.Product;

/// <summary>Builds one signed delivery exactly as Standard Webhooks defines it (the StandardWebhooks package signs).</summary>
public sealed class ProductWebhookSigner(IOptionsMonitor<ProductOptions> options)
{
    public HttpRequestMessage Create(Uri url, string messageId, DateTimeOffset timestamp, string body)
    {
        var secret = options.CurrentValue.WebhookSecret
            ?? throw new InvalidOperationException("Product:WebhookSecret is not set.");
        var signature = new StandardWebhook(secret).Sign(messageId, timestamp, body);
        var message = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, new UTF8Encoding(false), "application/json"),
        };
        message.Headers.Add("webhook-id", messageId);
        message.Headers.Add("webhook-timestamp", timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        message.Headers.Add("webhook-signature", signature);
        return message;
    }
}
