using Microsoft.Extensions.Options;
using TalkdeskPortal.Product;
using TalkdeskPortal.Talkdesk;

namespace TalkdeskPortal.Sandbox;

/// <summary>
/// With the sandbox on, fills in what points at the portal's own address, so nothing needs a port written down:
/// the fake Talkdesk becomes one more region (its API host allowed, its token URL that region's), sample events are
/// posted to this portal unless <c>Sandbox:PortalBaseUrl</c> says otherwise, and a <c>Product:WebhookUrl</c> given
/// as a path (<c>/sandbox/product/webhook</c>) means that path on this portal. Settings made explicitly win.
/// </summary>
public sealed class SandboxDefaults(SandboxAddress address)
    : IPostConfigureOptions<TalkdeskOptions>, IPostConfigureOptions<SandboxOptions>, IPostConfigureOptions<ProductOptions>
{
    public void PostConfigure(string? name, TalkdeskOptions options)
    {
        var root = address.Base;
        var authority = root.IsDefaultPort ? root.Host : root.Authority;
        if (!options.AllowedApiHosts.Contains(authority, StringComparer.OrdinalIgnoreCase))
            options.AllowedApiHosts = [.. options.AllowedApiHosts, authority];
        // First, so a region configured for the same host (later entries win) still takes precedence.
        if (!options.Regions.Any(r => string.Equals(r.ApiHost, authority, StringComparison.OrdinalIgnoreCase)))
            options.Regions.Insert(0, new TalkdeskRegion
            {
                ApiHost = authority,
                TokenUrlTemplate = $"{root.GetLeftPart(UriPartial.Authority)}{SandboxOptions.Prefix}/{{account}}/oauth/token",
            });
    }

    public void PostConfigure(string? name, SandboxOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.PortalBaseUrl)) options.PortalBaseUrl = address.Base.ToString();
    }

    public void PostConfigure(string? name, ProductOptions options)
    {
        if (options.WebhookUrl is { } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
            options.WebhookUrl = new Uri(address.Base, url.TrimStart('/')).ToString();
    }
}
