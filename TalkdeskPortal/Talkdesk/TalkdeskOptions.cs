using System.ComponentModel.DataAnnotations;

namespace TalkdeskPortal.Talkdesk;

/// <summary>The <c>Talkdesk</c> configuration section (names fixed by TALKDESK.md §5b).</summary>
public sealed class TalkdeskOptions
{
    public const string Section = "Talkdesk";

    [MinLength(1, ErrorMessage = "Talkdesk:AppIds must name at least one app id.")]
    public string[] AppIds { get; set; } = [];

    // {account} is replaced by the event's account_name, never by a URL from the payload.
    [Required]
    public string TokenUrlTemplate { get; set; } = "https://{account}.talkdeskid.com/oauth/token";

    // The event's _links.root host picks its region's token URL; TokenUrlTemplate serves a host not listed.
    // Empty by default on purpose: TalkdeskRegion.BuiltIn is merged in code, configured entries win per ApiHost.
    public List<TalkdeskRegion> Regions { get; set; } = [];

    // Hosts (no port) a token URL may have: the domain itself or any subdomain of it. Talkdesk's own token
    // domains and the hosts of configured Regions' templates are allowed as well.
    [MinLength(1)]
    public string[] RegionDomains { get; set; } = [];

    // Authorities (host or host:port) accepted in an event's _links.root.
    [MinLength(1)]
    public string[] AllowedApiHosts { get; set; } = [];

    // Verify-by-refetch (TALKDESK.md §6): a token for the event's credentials, then GET the event back.
    public bool ConfirmEvents { get; set; } = true;

    // How many not-yet-confirmed events may call Talkdesk at once (token + GET event); a forged flood waits, not multiplies.
    [Range(1, 256)]
    public int UnconfirmedConcurrency { get; set; } = 4;

    // Listed apps must use the signed JWT assertion; Basic is a documented fallback for unlisted ones.
    public ClientAuthentication ClientAuthentication { get; set; } = ClientAuthentication.PrivateKeyJwt;

    // Refresh a cached token this long before Talkdesk says it expires.
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromSeconds(60);

    public TalkdeskHttpOptions Http { get; set; } = new();
}

public enum ClientAuthentication
{
    PrivateKeyJwt,
    Basic,
}
