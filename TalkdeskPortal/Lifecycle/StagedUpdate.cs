using TalkdeskPortal.Talkdesk;

namespace TalkdeskPortal.Lifecycle;

/// <summary>An update's licensed users as Talkdesk listed them, kept on the request until the decision.</summary>
public sealed record StagedUpdate(IReadOnlyList<TalkdeskUser> LicensedUsers);
