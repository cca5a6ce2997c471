namespace TalkdeskPortal.Sandbox;

/// <summary>The <c>Sandbox</c> section: a fake Talkdesk hosted inside the portal (Development only by default).</summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";
    public const string Prefix = "/sandbox";

    public bool Enabled { get; set; }

    // The sandbox's fake Talkdesk answers anonymously; in Production it needs this second switch (benchmarks, demos).
    public bool AllowInProduction { get; set; }

    // Where the portal is reachable from itself; sample events are posted here and name it as their API root.
    // Unset: the address the portal listens on (SandboxDefaults).
    public string? PortalBaseUrl { get; set; }
}
