using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Talkdesk;

/// <summary>Forged events (credentials Talkdesk refuses) arrive at once; only a few may be asking for tokens at a time.</summary>
public sealed class UnconfirmedCallGateTests : PortalTestBase
{
    private const int Cap = 2;
    private const int Forged = 12;
    private WebApplication _tokenHost = null!;
    private string _tokenTemplate = "";
    private int _inFlight;
    private int _maxInFlight;
    private int _calls;

    public override async Task InitializeAsync()
    {
        // A slow token endpoint that refuses every client, counting how many requests it holds at once.
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _tokenHost = builder.Build();
        _tokenHost.MapPost("/{account}/oauth/token", async () =>
        {
            Interlocked.Increment(ref _calls);
            var now = Interlocked.Increment(ref _inFlight);
            int seen;
            while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen) { }
            await Task.Delay(250);
            Interlocked.Decrement(ref _inFlight);
            return Results.Json(new { error = "invalid_client", error_description = "Unknown client." }, statusCode: 401);
        });
        await _tokenHost.StartAsync();
        var address = _tokenHost.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _tokenTemplate = $"{address.TrimEnd('/')}/{{account}}/oauth/token";
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _tokenHost.DisposeAsync();
    }

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Talkdesk:TokenUrlTemplate"] = _tokenTemplate;
        settings["Talkdesk:UnconfirmedConcurrency"] = Cap.ToString();
        settings["Jobs:WorkerCount"] = "8";
    }

    [Fact]
    public async Task AFloodOfForgedEvents_KeepsAtMostTheCapOfTokenRequestsInFlight_AndEachIsRefused()
    {
        var events = Enumerable.Range(0, Forged).Select(i => Fake.InstalledEvent(Fake.CreateInstallation($"forged{i}"), Talkdesk.ApiRoot)).ToList();

        await Task.WhenAll(events.Select(Portal.PostEventAsync));
        foreach (var evt in events) await Portal.WaitForStateAsync(PortalApp.EventId(evt), RequestState.Refused, timeoutMs: 30_000);

        Assert.Equal(Forged, Volatile.Read(ref _calls));
        Assert.InRange(Volatile.Read(ref _maxInFlight), 1, Cap);
    }
}
