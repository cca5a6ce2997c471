using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace TalkdeskPortal.Notifications.Channels;

/// <summary>POSTs a chat payload; a non-2xx answer is a failure. The URL is never put in an error or a log line.</summary>
public sealed class WebhookPoster(IHttpClientFactory clients, IOptionsMonitor<NotificationOptions> options)
{
    public const string HttpClientName = "notifications";

    public async Task PostAsync(string url, JsonNode payload, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.CurrentValue.AttemptTimeout);
        var client = clients.CreateClient(HttpClientName);
        using var content = new StringContent(payload.ToJsonString(), System.Text.Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        HttpResponseMessage response;
        try
        {
            response = await client.PostAsync(url, content, timeout.Token);
        }
        catch (HttpRequestException ex)
        {
            // HttpRequestException may carry the URL in its message: report only what kind of failure it was.
            throw new NotificationSendException($"No answer from the webhook ({ex.HttpRequestError})");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new NotificationSendException("The webhook did not answer in time");
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var text = await response.Content.ReadAsStringAsync(ct);
                throw new NotificationSendException($"The webhook answered {(int)response.StatusCode}: {(text.Length > 200 ? text[..200] : text)}");
            }
        }
    }
}
