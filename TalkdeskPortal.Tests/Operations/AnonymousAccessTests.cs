using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Operations;

public sealed class AnonymousAccessTests : PortalTestBase
{
    // What may answer a stranger: Talkdesk's callback, health probes, sign-in, static files, and the tenant API's
    // OpenAPI document (shapes, no data; "/openapi/{documentName}.json" as the test fills it in).
    private static readonly string[] Public = ["/webhooks/talkdesk", "/healthz", "/readyz", "/account/login", "/account/denied", "/account/sso",
        "/openapi/x.json"];

    [Fact]
    public async Task EveryMappedEndpoint_RefusesAnAnonymousCaller_ExceptThePublicOnes()
    {
        var endpoints = Portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !IsStaticFile(e))
            .ToList();
        Assert.True(endpoints.Count > 15, $"only {endpoints.Count} endpoints found");
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Portal.Http.BaseAddress };
        var checkedCount = 0;

        foreach (var endpoint in endpoints)
        {
            var path = "/" + Concrete(endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (Public.Contains(path)) continue;
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods.Where(m => m is "GET" or "POST"))
            {
                using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
                var status = (int)response.StatusCode;
                var toSignIn = status == 302 && response.Headers.Location?.ToString().Contains("/account/login") == true;
                Assert.True(toSignIn || status == 401, $"{method} {path} ({endpoint.DisplayName}) answered {status} to an anonymous caller");
                checkedCount++;
            }
        }
        Assert.True(checkedCount > 15);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task HealthProbes_AnswerWithoutSignIn(string path)
    {
        var response = await Portal.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        // /healthz says what each check found (JSON); /readyz stays one word.
        var status = path == "/healthz" ? System.Text.Json.Nodes.JsonNode.Parse(body)!["status"]!.GetValue<string>() : body;
        Assert.Equal("Healthy", status);
    }

    [Fact]
    public async Task Pages_CarrySecurityHeaders_FitForBlazorServer()
    {
        var response = await Portal.Http.GetAsync("/account/login");

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    private static bool IsStaticFile(RouteEndpoint e)
    {
        var pattern = e.RoutePattern.RawText ?? "";
        return pattern.StartsWith("_content/") || pattern.StartsWith("_framework/") || pattern.StartsWith("/_content/")
               || pattern.StartsWith("/_framework/") || (Path.HasExtension(pattern) && !pattern.Contains('{'));
    }

    // Route parameters become plausible values: ids are numbers, catch-alls a path.
    private static string Concrete(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{\*{0,2}([^}:=?]+)[^}]*\}", m => m.Groups[1].Value switch
        {
            var name when name.Contains("id", StringComparison.OrdinalIgnoreCase) => "1",
            _ => "x",
        });
}
