namespace TalkdeskPortal.Notifications;

/// <summary>The <c>Portal</c> section: how staff reach this portal from outside (deep links in messages).</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    // e.g. https://portal.example.com; empty: links in messages are relative, and a warning is logged once.
    public string? PublicUrl { get; set; }
}
