using System.Net;
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

    private async Task AssertNothingStoredAsync()
    {
        await using var db = Portal.Db();
        Assert.Equal(0, await db.Events.CountAsync());
        Assert.Equal(0, await db.Requests.CountAsync());
        Assert.Equal(0, await db.Deliveries.CountAsync());
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
            default: throw new ArgumentException(mutation);
        }
        return evt.ToJsonString();
    }
}
