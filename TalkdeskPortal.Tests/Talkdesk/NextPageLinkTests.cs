using System.Text.Json;
using TalkdeskPortal.Talkdesk;

namespace TalkdeskPortal.Tests.Talkdesk;

/// <summary>A licensed-users page's <c>_links.next</c>, however written, stays under the API root (TALKDESK.md §5b).</summary>
public sealed class NextPageLinkTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5001/api", "http://127.0.0.1:5001/api/apps/a/installations/i/users?page=2", "http://127.0.0.1:5001/api/apps/a/installations/i/users?page=2")]
    [InlineData("http://127.0.0.1:5001/api", "/api/apps/a/installations/i/users?page=2", "http://127.0.0.1:5001/api/apps/a/installations/i/users?page=2")]
    [InlineData("http://127.0.0.1:5001/api", "/apps/a/installations/i/users?page=2", "http://127.0.0.1:5001/api/apps/a/installations/i/users?page=2")]
    [InlineData("http://127.0.0.1:5001/api/", "apps/a/installations/i/users?page=2", "http://127.0.0.1:5001/api/apps/a/installations/i/users?page=2")]
    [InlineData("https://api.talkdeskapp.com", "/apps/a/installations/i/users?page=3&per_page=50", "https://api.talkdeskapp.com/apps/a/installations/i/users?page=3&per_page=50")]
    public void NextLink_ResolvesUnderTheApiRoot(string root, string href, string expected) =>
        Assert.Equal(expected, TalkdeskApiClient.NextPage(Connection(root), Page(href))?.ToString());

    [Theory]
    [InlineData("https://evil.example/apps/a/installations/i/users?page=2")]
    [InlineData("http://api.talkdeskapp.com/apps/a/installations/i/users?page=2")]
    public void NextLink_ToAnotherHostOrScheme_IsRefused(string href) =>
        Assert.Throws<TalkdeskApiException>(() => TalkdeskApiClient.NextPage(Connection("https://api.talkdeskapp.com"), Page(href)));

    [Fact]
    public void NoNextLink_EndsThePaging() =>
        Assert.Null(TalkdeskApiClient.NextPage(Connection("https://api.talkdeskapp.com"), JsonDocument.Parse("""{"_links":{"self":{"href":"/x"}}}""").RootElement));

    private static TalkdeskConnection Connection(string root) =>
        new("a", "i", "acme", new Uri(root), new TalkdeskCredentials("id", "secret", "key", null, "kid", "ES256"));

    private static JsonElement Page(string next) =>
        JsonDocument.Parse(JsonSerializer.Serialize(new { _links = new { next = new { href = next } } })).RootElement;
}
