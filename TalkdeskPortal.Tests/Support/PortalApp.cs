using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using TalkdeskPortal.Data;
using TalkdeskPortal.Lifecycle;

namespace TalkdeskPortal.Tests.Support;

/// <summary>
/// The real portal on a loopback Kestrel port, on its own data folder, pointed at a fake Talkdesk.
/// </summary>
public sealed class PortalApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly TimeProvider? _time;
    private string _environment = "Testing";

    public LogCapture Logs { get; } = new();
    public OutboundRecorder Outbound { get; } = new();
    public string DataDirectory { get; }
    public HttpClient Http { get; private set; } = null!;

    private PortalApp(string dataDirectory, Dictionary<string, string?> settings, TimeProvider? time)
    {
        DataDirectory = dataDirectory;
        _settings = settings;
        _time = time;
    }

    public static PortalApp Start(FakeTalkdeskHost talkdesk, Action<Dictionary<string, string?>>? configure = null,
        string? dataDirectory = null, TimeProvider? time = null)
    {
        dataDirectory ??= TestData.NewDirectory();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Talkdesk:AppIds:0"] = talkdesk.Fake.AppId,
            ["Talkdesk:TokenUrlTemplate"] = talkdesk.TokenUrlTemplate,
            ["Talkdesk:RegionDomains:0"] = "127.0.0.1",
            ["Talkdesk:AllowedApiHosts:0"] = talkdesk.ApiRoot.Authority,
            ["Talkdesk:Http:RetryBaseDelay"] = "00:00:00.050",
            ["Talkdesk:Http:AttemptTimeout"] = "00:00:05",
            ["Talkdesk:Http:TotalTimeout"] = "00:00:30",
            ["Sandbox:Enabled"] = "false",
        };
        foreach (var (key, value) in TestProvider.Settings(dataDirectory)) settings[key] = value;
        configure?.Invoke(settings);
        var app = new PortalApp(dataDirectory, settings, time);
        app.UseKestrel(0);
        app.StartServer();
        app.Http = app.CreateDefaultClient();
        return app;
    }

    /// <summary>
    /// The portal with its own sandbox as Talkdesk and no Talkdesk, sandbox or product address configured: whatever
    /// points at the portal must come from the port the OS gives it. In Development, appsettings.Development.json applies as shipped.
    /// </summary>
    public static PortalApp StartWithSandbox(string environment, Action<Dictionary<string, string?>>? configure = null)
    {
        var dataDirectory = TestData.NewDirectory();
        var settings = new Dictionary<string, string?> { ["Storage:DataDirectory"] = dataDirectory, ["Sandbox:Enabled"] = "true" };
        foreach (var (key, value) in TestProvider.Settings(dataDirectory)) settings[key] = value;
        configure?.Invoke(settings);
        var app = new PortalApp(dataDirectory, settings, null) { _environment = environment };
        app.UseKestrel(0);
        app.StartServer();
        app.Http = app.CreateDefaultClient();
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        // Outside Development the package assets (_content/MudBlazor) are found through the build's manifest only if asked.
        builder.UseStaticWebAssets();
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        builder.ConfigureServices(services => services.ConfigureAll<Microsoft.Extensions.Http.HttpClientFactoryOptions>(o =>
            o.HttpMessageHandlerBuilderActions.Add(b => b.AdditionalHandlers.Insert(0, Outbound.CreateHandler()))));
        if (_time is not null)
            builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton(_time)));
    }

    public Task<HttpResponseMessage> PostEventAsync(JsonObject evt) =>
        Http.PostAsync("/webhooks/talkdesk", new StringContent(evt.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> PostRawAsync(string body, string contentType = "application/json")
    {
        var content = new StringContent(body, System.Text.Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        return Http.PostAsync("/webhooks/talkdesk", content);
    }

    public Task<HttpResponseMessage> PostBytesAsync(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/json");
        return Http.PostAsync("/webhooks/talkdesk", content);
    }

    public PortalDbContext Db() => Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Polls the database until the event's request matches, or fails with what it last saw.</summary>
    public async Task<LifecycleRequest> WaitForRequestAsync(string eventId, Func<LifecycleRequest, bool> done, int timeoutMs = 15_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        LifecycleRequest? last = null;
        while (DateTime.UtcNow < deadline)
        {
            await using (var db = Db())
            {
                last = await db.Requests.AsNoTracking().FirstOrDefaultAsync(r => r.EventId == eventId);
                if (last is not null && done(last)) return last;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"Request for event {eventId} is {last?.State.ToString() ?? "missing"} (error: {last?.Error}).");
    }

    public Task<LifecycleRequest> WaitForStateAsync(string eventId, RequestState state, int timeoutMs = 15_000) =>
        WaitForRequestAsync(eventId, r => r.State == state, timeoutMs);

    public static string EventId(JsonObject evt) => evt["id"]!.GetValue<string>();
}
