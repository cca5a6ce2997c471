namespace TalkdeskPortal.Talkdesk;

/// <summary>
/// One Talkdesk region (<c>Talkdesk:Regions:N</c>): the API host an event's <c>_links.root</c> names, and the
/// token URL template of that region (TALKDESK.md §3, §5b).
/// </summary>
public sealed class TalkdeskRegion
{
    // host, or host:port; a root on its scheme's default port matches the bare host.
    public string ApiHost { get; set; } = "";

    // {account} is replaced by the event's account_name.
    public string TokenUrlTemplate { get; set; } = "";

    /// <summary>The regions Talkdesk documents. Kept in code: binding a list from configuration appends to its defaults.</summary>
    public static IReadOnlyList<TalkdeskRegion> BuiltIn { get; } =
    [
        new() { ApiHost = "api.talkdeskapp.com", TokenUrlTemplate = "https://{account}.talkdeskid.com/oauth/token" },
        new() { ApiHost = "api.talkdeskapp.eu", TokenUrlTemplate = "https://{account}.talkdeskid.eu/oauth/token" },
        new() { ApiHost = "api.talkdeskappca.com", TokenUrlTemplate = "https://{account}.talkdeskidca.com/oauth/token" },
    ];

    /// <summary>Token domains of Talkdesk's regions (AU has a token host but no documented API host yet).</summary>
    public static IReadOnlyList<string> BuiltInTokenDomains { get; } = ["talkdeskid.com", "talkdeskid.eu", "talkdeskidca.com", "talkdeskid.au"];

    public bool IsComplete => !string.IsNullOrWhiteSpace(ApiHost) && !string.IsNullOrWhiteSpace(TokenUrlTemplate);
}
