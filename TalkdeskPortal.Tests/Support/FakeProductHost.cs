using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;
using TalkdeskPortal.Product;

namespace TalkdeskPortal.Tests.Support;

/// <summary>
/// The partner's product as an independent receiver would be: its own loopback port, verifying every delivery with
/// the StandardWebhooks package's own <c>Verify</c> (a forged or stale one is answered 401 and not counted as
/// received), answering 2xx, a problem+json refusal, or an outage as the test sets it.
/// </summary>
public sealed class FakeProductHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private int _down;
    private int _hang;

    private FakeProductHost(WebApplication app) => _app = app;

    public string Secret { get; } = WebhookSecrets.New();
    public Uri Url { get; private set; } = null!;

    // null: accept. Otherwise every delivery is refused with this status and problem detail.
    public (int Status, string Detail)? Refusal { get; set; }

    public IReadOnlyList<ReceivedWebhook> Received => _received.ToArray();
    public IReadOnlyList<ReceivedWebhook> Verified => _received.Where(r => r.Verified).ToArray();

    /// <summary>The next <paramref name="count"/> deliveries get a 503 (the product is down).</summary>
    public void DownFor(int count) => Interlocked.Exchange(ref _down, count);

    /// <summary>The next <paramref name="count"/> deliveries get no answer until the caller gives up.</summary>
    public void HangFor(int count) => Interlocked.Exchange(ref _hang, count);

    public static async Task<FakeProductHost> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var host = new FakeProductHost(app);
        app.MapPost("/webhook", host.ReceiveAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.Url = new Uri(address.TrimEnd('/') + "/webhook");
        return host;
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        string? error = null;
        try
        {
            new StandardWebhook(Secret).Verify(body, request.Headers);
        }
        catch (WebhookVerificationException ex)
        {
            error = ex.Message;
        }
        int status;
        IResult result;
        if (error is not null) (status, result) = (401, Results.Problem(statusCode: 401, detail: error));
        else if (Interlocked.Decrement(ref _hang) >= 0)
        {
            await Task.Delay(TimeSpan.FromSeconds(30), request.HttpContext.RequestAborted).ContinueWith(_ => { });
            (status, result) = (504, Results.StatusCode(504));
        }
        else if (Interlocked.Decrement(ref _down) >= 0) (status, result) = (503, Results.Problem(statusCode: 503, detail: "down for maintenance"));
        else if (Refusal is { } refusal) (status, result) = (refusal.Status, Results.Problem(statusCode: refusal.Status, title: "Not accepted", detail: refusal.Detail));
        else (status, result) = (204, Results.NoContent());

        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _received.Enqueue(new ReceivedWebhook(headers, body, error is null, error, status, DateTimeOffset.UtcNow));
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record ReceivedWebhook(
    IReadOnlyDictionary<string, string> Headers, string Body, bool Verified, string? Error, int Answered, DateTimeOffset At)
{
    public string Id => Headers["webhook-id"];
    public JsonNode Json => JsonNode.Parse(Body)!;
    public string Type => Json["type"]!.GetValue<string>();
    public JsonNode Data => Json["data"]!;
}
