using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TalkdeskPortal.Tests.Notifications;

/// <summary>Slack's and Teams' incoming webhooks as a minimal Kestrel app on loopback: records each JSON body.</summary>
public sealed class ChatReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Channel, JsonNode Body)> _received = new();

    private ChatReceiver(WebApplication app) => _app = app;

    public string SlackUrl { get; private set; } = "";
    public string TeamsUrl { get; private set; } = "";

    public IReadOnlyList<JsonNode> Slack => _received.Where(r => r.Channel == "slack").Select(r => r.Body).ToArray();
    public IReadOnlyList<JsonNode> Teams => _received.Where(r => r.Channel == "teams").Select(r => r.Body).ToArray();

    public static async Task<ChatReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new ChatReceiver(app);
        // The secret part of a real webhook URL is its path; these carry a token-like segment too.
        app.MapPost("/services/T000/B000/{token}", (HttpRequest r) => receiver.ReceiveAsync("slack", r));
        app.MapPost("/workflows/{token}/triggers/manual/paths/invoke", (HttpRequest r) => receiver.ReceiveAsync("teams", r));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        receiver.SlackUrl = $"{address}/services/T000/B000/slack-secret-token";
        receiver.TeamsUrl = $"{address}/workflows/teams-secret-token/triggers/manual/paths/invoke";
        return receiver;
    }

    private async Task<IResult> ReceiveAsync(string channel, HttpRequest request)
    {
        var body = await JsonNode.ParseAsync(request.Body);
        _received.Enqueue((channel, body!));
        return channel == "slack" ? Results.Text("ok") : Results.Accepted();
    }

    public async Task<JsonNode> WaitForAsync(string channel, Func<JsonNode, bool> match, int timeoutMs = 15_000)
    {
        var until = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (DateTime.UtcNow < until)
        {
            var list = channel == "slack" ? Slack : Teams;
            if (list.FirstOrDefault(match) is { } body) return body;
            await Task.Delay(10);
        }
        throw new TimeoutException($"No matching {channel} message; got {(channel == "slack" ? Slack : Teams).Count}");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
