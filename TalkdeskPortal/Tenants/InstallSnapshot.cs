using TalkdeskPortal.Talkdesk;

namespace TalkdeskPortal.Tenants;

/// <summary>What Talkdesk said about an installation when it was provisioned.</summary>
public sealed record InstallSnapshot(
    TalkdeskAccount Account,
    TalkdeskInstallation Installation,
    TalkdeskSubscription? Subscription,
    IReadOnlyList<TalkdeskUser> Users);
