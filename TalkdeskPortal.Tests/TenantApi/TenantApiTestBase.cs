using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using TalkdeskPortal.TenantApi;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.TenantApi;

/// <summary>The portal with a fake Talkdesk, and a product's HTTP client for the tenant API.</summary>
public abstract class TenantApiTestBase : PortalTestBase
{
    private readonly List<HttpClient> _clients = [];

    protected async Task<string> CreateKeyAsync(string name = "product", DateTimeOffset? expiresAt = null) =>
        (await Portal.Get<ApiKeyAdmin>().CreateAsync(name, expiresAt, "test")).Key;

    /// <summary>A client that sends <paramref name="key"/> as a Bearer token (none when null); no cookies, no redirects.</summary>
    protected HttpClient Api(string? key)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Portal.Http.BaseAddress };
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        _clients.Add(client);
        return client;
    }

    protected static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {status}, got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        return problem;
    }

    protected static async Task<JsonObject> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(body)!.AsObject();
    }

    protected static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    public override async Task DisposeAsync()
    {
        foreach (var client in _clients) client.Dispose();
        await base.DisposeAsync();
    }
}
