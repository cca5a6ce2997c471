using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace TalkdeskPortal.Talkdesk;

/// <summary>
/// The one place that decides where a Talkdesk call may go (TALKDESK.md §3): the token URL from
/// the template and a plain account label, the API root only from an allow-listed authority.
/// </summary>
public sealed partial class TalkdeskEndpoints(IOptionsMonitor<TalkdeskOptions> options)
{
    // \z, not $: '$' also matches before a final newline, and "acme\n" would become a token URL at acme%0A.
    // Both cases spelled out rather than IgnoreCase, whose case table lets the Kelvin sign (U+212A) match 'k'.
    [GeneratedRegex(@"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\z", RegexOptions.CultureInvariant)]
    private static partial Regex SubdomainLabel();

    public static bool IsPlainSubdomainLabel(string? accountName) =>
        accountName is not null && SubdomainLabel().IsMatch(accountName);

    /// <summary>
    /// The token URL for an account in the region of <paramref name="apiRoot"/>, or null when the account or the
    /// result is not allowed. The root's authority picks the region's template; <c>TokenUrlTemplate</c> serves the rest.
    /// </summary>
    public Uri? TokenUrlFor(string accountName, Uri apiRoot)
    {
        if (!IsPlainSubdomainLabel(accountName)) return null;
        var current = options.CurrentValue;
        var configured = Configured(current).FirstOrDefault(r => AuthorityMatches(r.ApiHost, apiRoot));
        var template = configured?.TokenUrlTemplate
            ?? TalkdeskRegion.BuiltIn.FirstOrDefault(r => AuthorityMatches(r.ApiHost, apiRoot))?.TokenUrlTemplate
            ?? current.TokenUrlTemplate;
        var account = accountName.ToLowerInvariant();
        if (Build(template, account) is not { } url) return null;
        return IsRegionHost(url.Host, current) || IsConfiguredTokenHost(url.Host, account, current) ? url : null;
    }

    /// <summary>The API root from an event's <c>_links.root.href</c>, or null when its authority is not allow-listed.</summary>
    public Uri? ApiRootFrom(string? href)
    {
        if (string.IsNullOrWhiteSpace(href) || href.Length > 512) return null;
        if (!Uri.TryCreate(href, UriKind.Absolute, out var url)) return null;
        if (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)) return null;
        if (!string.IsNullOrEmpty(url.UserInfo) || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment)) return null;
        if (url.OriginalString.Contains('\\') || url.AbsolutePath.Contains("/../", StringComparison.Ordinal) || url.OriginalString.Contains("..", StringComparison.Ordinal)) return null;
        return options.CurrentValue.AllowedApiHosts.Any(h => AuthorityMatches(h, url)) ? Normalise(url) : null;
    }

    /// <summary>Appends an endpoint path to the root, keeping any path the root carries.</summary>
    public static Uri Combine(Uri apiRoot, string relativePath) =>
        new($"{apiRoot.GetLeftPart(UriPartial.Path).TrimEnd('/')}/{relativePath.TrimStart('/')}");

    // An entry is host or host:port; a URL on its scheme's default port also matches the bare host.
    private static bool AuthorityMatches(string entry, Uri url) =>
        string.Equals(entry, url.IsDefaultPort ? url.Host : $"{url.Host}:{url.Port}", StringComparison.OrdinalIgnoreCase) ||
        (url.IsDefaultPort && string.Equals(entry, $"{url.Host}:{url.Port}", StringComparison.OrdinalIgnoreCase));

    private static Uri? Build(string template, string account)
    {
        var text = template.Replace("{account}", account, StringComparison.Ordinal);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url)) return null;
        if (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)) return null;
        return string.IsNullOrEmpty(url.UserInfo) ? url : null;
    }

    // Later entries win, so an operator's override of a built-in region (or of an earlier entry) takes effect.
    private static IEnumerable<TalkdeskRegion> Configured(TalkdeskOptions current) =>
        Enumerable.Reverse(current.Regions.Where(r => r is { IsComplete: true }).ToList());

    private static bool IsRegionHost(string host, TalkdeskOptions current) =>
        current.RegionDomains.Concat(TalkdeskRegion.BuiltInTokenDomains).Any(d =>
            string.Equals(host, d, StringComparison.OrdinalIgnoreCase) ||
            host.EndsWith("." + d, StringComparison.OrdinalIgnoreCase));

    // A configured region's template is the operator's word for where its tokens come from.
    private static bool IsConfiguredTokenHost(string host, string account, TalkdeskOptions current) =>
        current.Regions.Any(r => r.IsComplete && string.Equals(Build(r.TokenUrlTemplate, account)?.Host, host, StringComparison.OrdinalIgnoreCase));

    private static Uri Normalise(Uri url) => new(url.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
}
