using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace TalkdeskPortal.Product;

/// <summary>
/// One POST to the product. No retries here (the outbox retries, on a durable schedule), no redirects followed
/// (Standard Webhooks treats them as failures), a bounded wait, and only the start of the answer is read.
/// </summary>
public sealed class ProductDeliveryClient(
    IHttpClientFactory clients,
    ProductWebhookSigner signer,
    IOptionsMonitor<ProductOptions> options,
    TimeProvider time)
{
    public const string HttpClientName = "product-webhooks";

    public async Task<(ProductResponse Response, TimeSpan Took)> SendAsync(string messageId, string body, CancellationToken ct)
    {
        var o = options.CurrentValue;
        using var message = signer.Create(new Uri(o.WebhookUrl!), messageId, time.GetUtcNow(), body);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(o.AttemptTimeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await clients.CreateClient(HttpClientName)
                .SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var snippet = await ReadStartAsync(response, timeout.Token);
            return (new ProductResponse((int)response.StatusCode, snippet, null, RetryAfter(response.Headers.RetryAfter)),
                Stopwatch.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (new ProductResponse(null, null, $"No answer within {o.AttemptTimeout.TotalSeconds:0.#} s", null), Stopwatch.GetElapsedTime(started));
        }
        catch (HttpRequestException ex)
        {
            return (new ProductResponse(null, null, ex.Message, null), Stopwatch.GetElapsedTime(started));
        }
    }

    private static async Task<string?> ReadStartAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var reader = new StreamReader(stream);
        var buffer = new char[ProductResponse.SnippetLength];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
        return read == 0 ? null : new string(buffer, 0, read);
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow(),
        _ => null,
    };
}
