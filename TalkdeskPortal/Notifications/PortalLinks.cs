using Microsoft.Extensions.Options;

namespace TalkdeskPortal.Notifications;

/// <summary>Deep links into the portal for messages read outside it.</summary>
public sealed class PortalLinks(IOptions<PortalOptions> options, ILogger<PortalLinks> logger)
{
    private int _warned;

    public string Request(long id) => Build($"/requests/{id}");

    public string Queue() => Build("/queue");

    public string Preferences() => Build("/my-notifications");

    private string Build(string path)
    {
        var root = options.Value.PublicUrl?.TrimEnd('/');
        if (!string.IsNullOrEmpty(root)) return root + path;
        if (Interlocked.Exchange(ref _warned, 1) == 0)
            logger.LogWarning("Portal:PublicUrl is not set: links in notifications are relative and will not open from a mail or chat");
        return path;
    }

    // "/requests/1" is an absolute file URI on Unix: only http(s) counts.
    public static bool IsAbsolute(string? link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var url) && url.Scheme is "http" or "https";
}
