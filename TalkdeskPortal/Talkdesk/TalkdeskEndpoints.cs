using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace TalkdeskPortal.Talkdesk;

/// <summary>
/// The one place that decides where a Talkdesk call may go (TALKDESK.md §3): the token URL from
/// the template and a plain account label, the API root only from an allow-listed authority.
/// </summary>
public sealed partial class TalkdeskEndpoints(IOptionsMonitor<TalkdeskOptions> options)
{
    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SubdomainLabel();

    public static bool IsPlainSubdomainLabel(string? accountName) =>
        accountName is not null && SubdomainLabel().IsMatch(accountName);

    /// <summary>The token URL for an account, or null when the account or the result is not allowed.</summary>
    public Uri? TokenUrlFor(string accountName)
    {
        if (!IsPlainSubdomainLabel(accountName)) return null;
        var text = options.CurrentValue.TokenUrlTemplate.Replace("{account}", accountName.ToLowerInvariant(), StringComparison.Ordinal);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url)) return null;
        if (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)) return null;
        if (!string.IsNullOrEmpty(url.UserInfo)) return null;
        return IsRegionHost(url.Host) ? url : null;
    }

    /// <summary>The API root from an event's <c>_links.root.href</c>, or null when its authority is not allow-listed.</summary>
    public Uri? ApiRootFrom(string? href)
    {
        if (string.IsNullOrWhiteSpace(href) || href.Length > 512) return null;
        if (!Uri.TryCreate(href, UriKind.Absolute, out var url)) return null;
        if (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)) return null;
        if (!string.IsNullOrEmpty(url.UserInfo) || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment)) return null;
        if (url.OriginalString.Contains('\\') || url.AbsolutePath.Contains("/../", StringComparison.Ordinal) || url.OriginalString.Contains("..", StringComparison.Ordinal)) return null;
        var authority = url.IsDefaultPort ? url.Host : $"{url.Host}:{url.Port}";
        var allowed = options.CurrentValue.AllowedApiHosts.Any(h =>
            string.Equals(h, authority, StringComparison.OrdinalIgnoreCase) ||
            (url.IsDefaultPort && string.Equals(h, $"{url.Host}:{url.Port}", StringComparison.OrdinalIgnoreCase)));
        return allowed ? Normalise(url) : null;
    }

    /// <summary>Appends an endpoint path to the root, keeping any path the root carries.</summary>
    public static Uri Combine(Uri apiRoot, string relativePath) =>
        new($"{apiRoot.GetLeftPart(UriPartial.Path).TrimEnd('/')}/{relativePath.TrimStart('/')}");

    private bool IsRegionHost(string host) =>
        options.CurrentValue.RegionDomains.Any(d =>
            string.Equals(host, d, StringComparison.OrdinalIgnoreCase) ||
            host.EndsWith("." + d, StringComparison.OrdinalIgnoreCase));

    private static Uri Normalise(Uri url) => new(url.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
}
