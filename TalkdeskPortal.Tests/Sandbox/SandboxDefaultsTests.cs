using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TalkdeskPortal.Product;
using TalkdeskPortal.Sandbox;
using TalkdeskPortal.Talkdesk;

namespace TalkdeskPortal.Tests.Sandbox;

/// <summary>What the sandbox fills in from the portal's own address, and what it leaves alone.</summary>
public sealed class SandboxDefaultsTests
{
    [Theory]
    [InlineData("http://[::]:5099", "http://localhost:5099/")]
    [InlineData("http://0.0.0.0:5099", "http://localhost:5099/")]
    [InlineData("http://+:5099", "http://localhost:5099/")]
    [InlineData("https://localhost:7001;http://localhost:5099", "http://localhost:5099/")]
    [InlineData("http://127.0.0.1:0;http://127.0.0.1:41234", "http://127.0.0.1:41234/")]
    public void ThePortalsOwnAddress_IsPlainHttpOnLoopback_WhenItListensThere(string listening, string expected) =>
        Assert.Equal(expected, SandboxAddress.Pick(listening.Split(';'))?.ToString());

    [Fact]
    public void UntilTheServerListens_TheConfiguredUrlsAreTheGuess() =>
        Assert.Equal("http://localhost:5080/", Address("http://localhost:5080").Base.ToString());

    [Fact]
    public void OnceTheServerListens_MonitoredOptions_FollowTheRealPort()
    {
        using var services = Services(Address("http://127.0.0.1:0"), _ => { });
        var sandbox = services.GetRequiredService<IOptionsMonitor<SandboxOptions>>();
        var talkdesk = services.GetRequiredService<IOptionsMonitor<TalkdeskOptions>>();
        var product = services.GetRequiredService<IOptionsMonitor<ProductOptions>>();
        Assert.Equal("http://localhost:5000/", sandbox.CurrentValue.PortalBaseUrl);

        services.GetRequiredService<SandboxAddress>().Listening(["http://127.0.0.1:41234"]);

        Assert.Equal("http://127.0.0.1:41234/", sandbox.CurrentValue.PortalBaseUrl);
        Assert.Contains("127.0.0.1:41234", talkdesk.CurrentValue.AllowedApiHosts);
        var region = Assert.Single(talkdesk.CurrentValue.Regions);
        Assert.Equal("http://127.0.0.1:41234/sandbox/{account}/oauth/token", region.TokenUrlTemplate);
        Assert.Equal("http://127.0.0.1:41234/sandbox/product/webhook", product.CurrentValue.WebhookUrl);
        var endpoints = new TalkdeskEndpoints(talkdesk);
        Assert.Equal(new Uri("http://127.0.0.1:41234/sandbox/acme/oauth/token"),
            endpoints.TokenUrlFor("acme", endpoints.ApiRootFrom("http://127.0.0.1:41234/sandbox/api")!));
    }

    [Fact]
    public void SettingsMadeExplicitly_Win()
    {
        using var services = Services(Address("http://localhost:5099"), o =>
        {
            o["Sandbox:PortalBaseUrl"] = "http://portal.internal:8080/";
            o["Product:WebhookUrl"] = "https://product.example/hooks";
            o["Talkdesk:Regions:0:ApiHost"] = "localhost:5099";
            o["Talkdesk:Regions:0:TokenUrlTemplate"] = "http://localhost:6000/{account}/token";
        });

        Assert.Equal("http://portal.internal:8080/", services.GetRequiredService<IOptions<SandboxOptions>>().Value.PortalBaseUrl);
        Assert.Equal("https://product.example/hooks", services.GetRequiredService<IOptions<ProductOptions>>().Value.WebhookUrl);
        var region = Assert.Single(services.GetRequiredService<IOptions<TalkdeskOptions>>().Value.Regions);
        Assert.Equal("http://localhost:6000/{account}/token", region.TokenUrlTemplate);
    }

    private static SandboxAddress Address(string urls) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = urls }).Build());

    private static ServiceProvider Services(SandboxAddress address, Action<Dictionary<string, string?>> settings)
    {
        var values = new Dictionary<string, string?> { ["Product:WebhookUrl"] = "/sandbox/product/webhook" };
        settings(values);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddSingleton(address).AddSandboxDefaults();
        services.AddOptions<TalkdeskOptions>().BindConfiguration(TalkdeskOptions.Section);
        services.AddOptions<SandboxOptions>().BindConfiguration(SandboxOptions.Section);
        services.AddOptions<ProductOptions>().BindConfiguration(ProductOptions.Section);
        return services.BuildServiceProvider();
    }
}
