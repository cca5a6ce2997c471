using System.Net;
using System.Text.Json.Nodes;
using TalkdeskPortal.Product.Events;

namespace TalkdeskPortal.Tests.TenantApi;

public sealed class OpenApiDocumentTests : TenantApiTestBase
{
    [Fact]
    public async Task Document_IsAnonymous_ListsEveryEndpointOnly_TheBearerScheme_AndTheFiveWebhooks()
    {
        using var response = await Api(null).GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.StartsWith("3.1", document["openapi"]!.GetValue<string>());
        var paths = document["paths"]!.AsObject();
        Assert.Equal(
            ["/api/v1/tenants", "/api/v1/tenants/{talkdeskAccountId}", "/api/v1/tenants/{talkdeskAccountId}/settings",
             "/api/v1/tenants/{talkdeskAccountId}/users", "/api/v1/users/{talkdeskUserId}"],
            paths.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.NotNull(paths["/api/v1/tenants/{talkdeskAccountId}/settings"]!["put"]);
        foreach (var (path, item) in paths)
        foreach (var (method, operation) in item!.AsObject())
        {
            Assert.False(string.IsNullOrWhiteSpace(operation!["summary"]?.GetValue<string>()), $"{method} {path} has no summary");
            var responses = operation["responses"]!.AsObject();
            Assert.True(responses.ContainsKey("200"), $"{method} {path}");
            Assert.NotNull(responses["401"]!["content"]!["application/problem+json"]);
            Assert.NotNull(responses["429"]!["content"]!["application/problem+json"]);
        }
        Assert.NotNull(paths["/api/v1/tenants/{talkdeskAccountId}"]!["get"]!["responses"]!["404"]!["content"]!["application/problem+json"]);

        var scheme = document["components"]!["securitySchemes"]!["ApiKey"]!;
        Assert.Equal("http", scheme["type"]!.GetValue<string>());
        Assert.Equal("bearer", scheme["scheme"]!.GetValue<string>());
        Assert.NotNull(document["security"]![0]!["ApiKey"]);

        var webhooks = document["webhooks"]!.AsObject();
        Assert.Equal(ProductEventTypes.All.Order(), webhooks.Select(w => w.Key).Order());
        var schemas = document["components"]!["schemas"]!.AsObject();
        foreach (var (type, hook) in webhooks)
        {
            var post = hook!["post"]!;
            var headers = post["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToArray();
            Assert.Equal(["webhook-id", "webhook-timestamp", "webhook-signature"], headers);
            var reference = post["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();
            var schema = schemas[reference.Split('/')[^1]]!;
            Assert.True(schema["properties"]!.AsObject().ContainsKey("data"), $"{type}: {schema.ToJsonString()}");
            Assert.True(schema["properties"]!.AsObject().ContainsKey("type"), type);
            var data = Resolve(schemas, schema["properties"]!["data"]!);
            Assert.True(data["properties"]!.AsObject().ContainsKey("tenant_id"), $"{type}: {data.ToJsonString()}");
        }
        var installed = Resolve(schemas, schemas["TenantInstalledWebhook"]!["properties"]!["data"]!);
        var users = Resolve(schemas, installed["properties"]!["users"]!["items"]!);
        Assert.True(users["properties"]!.AsObject().ContainsKey("talkdesk_user_id"), users.ToJsonString());
        var text = document.ToJsonString();
        foreach (var absent in new[] { "/webhooks/talkdesk", "/sandbox", "/account/", "hangfire" }) Assert.DoesNotContain(absent, text);
    }

    private static JsonNode Resolve(JsonObject schemas, JsonNode schema) =>
        schema["$ref"]?.GetValue<string>() is { } reference ? schemas[reference.Split('/')[^1]]! : schema;
}
