using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TalkdeskPortal.Sandbox;

namespace TalkdeskPortal.Tests.Support;

/// <summary>The fake Talkdesk alone, on its own loopback port, as the portal would meet the real one.</summary>
public sealed class FakeTalkdeskHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeTalkdeskHost(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    public FakeTalkdesk Fake => _app.Services.GetRequiredService<FakeTalkdesk>();
    public Uri BaseUri { get; }
    public Uri ApiRoot => new(BaseUri, "sandbox/api/");
    public string TokenUrlTemplate => $"{BaseUri}sandbox/{{account}}/oauth/token";

    public static async Task<FakeTalkdeskHost> StartAsync(TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (time is not null) builder.Services.AddSingleton(time);
        builder.Services.AddFakeTalkdesk();
        var app = builder.Build();
        app.MapFakeTalkdesk("/sandbox");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FakeTalkdeskHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
