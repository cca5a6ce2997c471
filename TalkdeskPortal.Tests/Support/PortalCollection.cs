namespace TalkdeskPortal.Tests.Support;

/// <summary>Tests that host the portal run one at a time: Hangfire and Kestrel keep process-wide state.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PortalCollection
{
    public const string Name = "Portal";
}
