namespace TalkdeskPortal.Talkdesk;

/// <summary>Everything needed to call Talkdesk for one installation.</summary>
/// <param name="ApiRoot">The event's allow-listed <c>_links.root</c>; endpoint paths are appended to it.</param>
public sealed record TalkdeskConnection(
    string AppId,
    string InstallationId,
    string AccountName,
    Uri ApiRoot,
    TalkdeskCredentials Credentials);
