using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Webhooks;

public sealed class IntakeValidationTests : PortalTestBase
{
    public static TheoryData<string, int> BadEvents => new()
    {
        { "not json", 400 },
        { "[1,2,3]", 400 },
        { "missing id", 400 },
        { "numeric id", 400 },
        { "missing type", 400 },
        { "missing app_id", 400 },
        { "missing data", 400 },
        { "data not an object", 400 },
        { "installed without client_secret", 400 },
        { "installed without private_key", 400 },
        { "installed with unknown key_algorithm", 400 },
        { "updated without installation_id", 400 },
        { "updated with licenses not a number", 400 },
        { "uninstalled without account_id", 400 },
        { "missing _links.root", 400 },
        { "bad created_at", 400 },
        { "unknown app_id", 403 },
        { "root host not allowed", 403 },
        { "root with user info", 403 },
        { "root on another port", 403 },
        { "account_name with a dot", 403 },
        { "account_name with a slash", 403 },
        { "account_name with an at sign", 403 },
        { "empty body", 400 },
        { "deep nesting", 400 },
        { "huge id", 400 },
        { "id with unicode", 400 },
        { "id with a NUL", 400 },
        { "type not a string", 400 },
        { "data an array", 400 },
        { "lone surrogate", 400 },
        { "created_at a number", 400 },
        { "client_id too long", 400 },
        { "private_key too long", 400 },
        { "account_name too long", 400 },
        { "account_name empty", 400 },
        { "users.adding not an array", 400 },
        { "users.adding holding a number", 400 },
        { "root href a number", 400 },
        { "account_name a cyrillic homoglyph", 403 },
        { "account_name with a port", 403 },
        { "account_name an IP literal", 403 },
        { "account_name with a newline", 403 },
        { "root an IP literal", 403 },
        { "root with path traversal", 403 },
        { "root with a query", 403 },
        { "root javascript scheme", 403 },
        { "root with a backslash", 403 },
        { "root an allowed host as a subdomain of evil", 403 },
        { "root file scheme", 403 },
        { "unknown app_id and unknown type", 403 },
        // '$' matches before a final newline; every pattern must hold to the end of the string.
        { "account_name with a trailing newline", 403 },
        { "account_name with a Kelvin sign", 403 },
        { "id with a trailing newline", 400 },
        { "app_id with a trailing newline", 400 },
        { "installation_id with a trailing newline", 400 },
        { "account_id with a trailing newline", 400 },
        { "users.adding id with a trailing newline", 400 },
        { "licenses with a trailing newline", 400 },
    };

    [Theory]
    [MemberData(nameof(BadEvents))]
    public async Task BadDelivery_GetsItsStatus_AsProblemJson_AndNothingIsStored(string mutation, int status)
    {
        var body = Mutate(mutation);

        var response = await Portal.PostRawAsync(body);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertNothingStoredAsync();
    }

    // Bytes that are not UTF-8, spliced where a reader of the JSON may never look at them.
    public static TheoryData<string> NotUtf8 => new()
    {
        "invalid byte in a string value",
        "invalid byte in a key",
        "overlong encoding",
        "lone surrogate",
        "truncated sequence at the end of a value",
        "truncated sequence at the end of the body",
    };

    [Theory]
    [MemberData(nameof(NotUtf8))]
    public async Task BodyThatIsNotUtf8_Gets400_AsProblemJson_AndNothingIsStored(string mutation)
    {
        var response = await Portal.PostBytesAsync(MutateBytes(mutation));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("Invalid event", problem!["title"]!.GetValue<string>());
        Assert.Contains("UTF-8", problem["detail"]!.GetValue<string>());
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task AccountNameWithATrailingNewline_IsRefused_AndNoTokenIsAskedFor()
    {
        var evt = Valid();
        evt["data"]!["account_name"] = "acme\n";

        var response = await Portal.PostEventAsync(evt);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await Task.Delay(300); // a background token request, were one started, would have gone out by now
        Assert.DoesNotContain(Portal.Outbound.Requests, u => u.OriginalString.Contains("%0A", StringComparison.OrdinalIgnoreCase));
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task NonJsonContentType_Gets415()
    {
        var response = await Portal.PostRawAsync(Valid().ToJsonString(), "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task BodyOverTheLimit_Gets413()
    {
        var evt = Valid();
        evt["data"]!["padding"] = new string('x', 70 * 1024);

        var response = await Portal.PostRawAsync(evt.ToJsonString());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task ValidEvent_Gets202_AndIsStored()
    {
        var response = await Portal.PostRawAsync(Valid().ToJsonString());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await using var db = Portal.Db();
        Assert.Equal(1, await db.Events.CountAsync());
    }

    private static JsonNode Nest(int depth)
    {
        JsonNode node = new JsonObject();
        for (var i = 0; i < depth; i++) node = new JsonObject { ["n"] = node };
        return node;
    }

    [Fact]
    public async Task TenMegabyteBody_Gets413_WithoutBeingRead()
    {
        var response = await Portal.PostRawAsync(new string(' ', 10 * 1024 * 1024));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertNothingStoredAsync();
    }

    [Theory]
    [InlineData("application/xml")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task OtherContentTypes_Get415(string contentType)
    {
        var response = await Portal.PostRawAsync(Valid().ToJsonString(), contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await AssertNothingStoredAsync();
    }

    private async Task AssertNothingStoredAsync()
    {
        // Nothing left the portal either: intake never calls out.
        Assert.Empty(Portal.Outbound.Requests);
        Assert.Empty(Fake.Calls);
        await using var db = Portal.Db();
        Assert.Equal(0, await db.Events.CountAsync());
        Assert.Equal(0, await db.Requests.CountAsync());
        Assert.Equal(0, await db.Deliveries.CountAsync());
    }

    private byte[] MutateBytes(string mutation)
    {
        const string Mark = "~bad~";
        var evt = Valid();
        byte[] bad;
        switch (mutation)
        {
            case "invalid byte in a string value": evt["app_version_name"] = $"1.0{Mark}.0"; bad = [0xFF]; break;
            case "invalid byte in a key": evt["data"]!["no" + Mark + "te"] = "x"; bad = [0xFE]; break;
            case "overlong encoding": evt["app_version_name"] = $"1.0{Mark}"; bad = [0xC0, 0xAF]; break; // '/' in two bytes
            case "lone surrogate": evt["app_version_name"] = $"1.0{Mark}"; bad = [0xED, 0xA0, 0x80]; break; // U+D800 encoded
            case "truncated sequence at the end of a value": evt["app_version_name"] = $"1.0.0{Mark}"; bad = [0xE2, 0x82]; break;
            case "truncated sequence at the end of the body":
                return [.. Encoding.UTF8.GetBytes(evt.ToJsonString()), 0xE2, 0x82];
            default: throw new ArgumentException(mutation);
        }
        var text = evt.ToJsonString();
        var at = text.IndexOf(Mark, StringComparison.Ordinal);
        return [.. Encoding.UTF8.GetBytes(text[..at]), .. bad, .. Encoding.UTF8.GetBytes(text[(at + Mark.Length)..])];
    }

    private JsonObject Valid() => Fake.InstalledEvent(Fake.CreateInstallation("valid"), Talkdesk.ApiRoot);

    private string Mutate(string mutation)
    {
        var evt = Valid();
        var data = evt["data"]!.AsObject();
        var root = evt["_links"]!["root"]!.AsObject();
        switch (mutation)
        {
            case "not json": return "{\"id\": ";
            case "[1,2,3]": return "[1,2,3]";
            case "missing id": evt.Remove("id"); break;
            case "numeric id": evt["id"] = 42; break;
            case "missing type": evt.Remove("type"); break;
            case "missing app_id": evt.Remove("app_id"); break;
            case "missing data": evt.Remove("data"); break;
            case "data not an object": evt["data"] = "nope"; break;
            case "installed without client_secret": data.Remove("client_secret"); break;
            case "installed without private_key": data.Remove("private_key"); break;
            case "installed with unknown key_algorithm": data["key_algorithm"] = "HS256"; break;
            case "updated without installation_id": evt["type"] = "app.updated"; data.Remove("installation_id"); break;
            case "updated with licenses not a number":
                evt["type"] = "app.updated";
                data["subscription"] = new JsonObject { ["adding"] = new JsonObject { ["name"] = "Paid", ["licenses"] = "ten" } };
                break;
            case "uninstalled without account_id": evt["type"] = "app.uninstalled"; data.Remove("account_id"); break;
            case "missing _links.root": evt["_links"]!.AsObject().Remove("root"); break;
            case "bad created_at": evt["created_at"] = "yesterday"; break;
            case "unknown app_id": evt["app_id"] = "someone-elses-app"; break;
            case "root host not allowed": root["href"] = "https://evil.example/api"; break;
            case "root with user info": root["href"] = $"http://user@{Talkdesk.ApiRoot.Authority}/sandbox/api"; break;
            case "root on another port": root["href"] = $"http://127.0.0.1:{Talkdesk.ApiRoot.Port + 1}/sandbox/api"; break;
            case "account_name with a dot": data["account_name"] = "evil.example"; break;
            case "account_name with a slash": data["account_name"] = "acme/../evil"; break;
            case "account_name with an at sign": data["account_name"] = "user@evil"; break;
            case "empty body": return "";
            case "deep nesting": data["deep"] = Nest(200); break;
            case "huge id": evt["id"] = new string('a', 20_000); break;
            case "id with unicode": evt["id"] = "évènement-1"; break;
            case "id with a NUL": evt["id"] = "abc\u0000def"; break;
            case "type not a string": evt["type"] = new JsonObject(); break;
            case "data an array": evt["data"] = new JsonArray(1, 2); break;
            case "lone surrogate": return evt.ToJsonString().Replace("\"type\":\"app.installed\"", "\"type\":\"app.\\ud800installed\"");
            case "created_at a number": evt["created_at"] = 1700000000; break;
            case "client_id too long": data["client_id"] = new string('c', 300); break;
            case "private_key too long": data["private_key"] = new string('k', 9000); break;
            case "account_name too long": data["account_name"] = new string('a', 64); break;
            case "account_name empty": data["account_name"] = ""; break;
            case "users.adding not an array":
                evt["type"] = "app.updated"; data["users"] = new JsonObject { ["adding"] = "u1" }; break;
            case "users.adding holding a number":
                evt["type"] = "app.updated"; data["users"] = new JsonObject { ["adding"] = new JsonArray(5) }; break;
            case "root href a number": root["href"] = 42; break;
            case "account_name a cyrillic homoglyph": data["account_name"] = "\u0430cme"; break;
            case "account_name with a port": data["account_name"] = "acme:443"; break;
            case "account_name an IP literal": data["account_name"] = "127.0.0.1"; break;
            case "account_name with a newline": data["account_name"] = "acme\nevil"; break;
            case "root an IP literal": root["href"] = "https://10.0.0.1/api"; break;
            case "root with path traversal": root["href"] = $"http://{Talkdesk.ApiRoot.Authority}/sandbox/api/../../evil"; break;
            case "root with a query": root["href"] = $"http://{Talkdesk.ApiRoot.Authority}/sandbox/api?x=https://evil.example"; break;
            case "root javascript scheme": root["href"] = "javascript:alert(1)"; break;
            case "root with a backslash": root["href"] = $"http://{Talkdesk.ApiRoot.Authority}\\@evil.example/api"; break;
            case "root an allowed host as a subdomain of evil": root["href"] = "https://api.talkdeskapp.com.evil.example/api"; break;
            case "root file scheme": root["href"] = "file:///etc/passwd"; break;
            case "unknown app_id and unknown type": evt["app_id"] = "not-ours"; evt["type"] = "app.exploded"; break;
            case "account_name with a trailing newline": data["account_name"] = "acme\n"; break;
            case "account_name with a Kelvin sign": data["account_name"] = "\u212Acme"; break;
            case "id with a trailing newline": evt["id"] = PortalApp.EventId(evt) + "\n"; break;
            case "app_id with a trailing newline": evt["app_id"] = evt["app_id"]!.GetValue<string>() + "\n"; break;
            case "installation_id with a trailing newline": data["installation_id"] = data["installation_id"]!.GetValue<string>() + "\n"; break;
            case "account_id with a trailing newline": data["account_id"] = data["account_id"]!.GetValue<string>() + "\n"; break;
            case "users.adding id with a trailing newline":
                evt["type"] = "app.updated"; data["users"] = new JsonObject { ["adding"] = new JsonArray("u1\n") }; break;
            case "licenses with a trailing newline":
                evt["type"] = "app.updated";
                data["subscription"] = new JsonObject { ["adding"] = new JsonObject { ["name"] = "Paid", ["licenses"] = "10\n" } };
                break;
            default: throw new ArgumentException(mutation);
        }
        return evt.ToJsonString();
    }
}
