using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Talkdesk;

namespace TalkdeskPortal.Webhooks;

/// <summary>An event that passed intake's checks. <see cref="Kind"/> is null for a type we ignore.</summary>
public sealed record ParsedEvent(
    string Id,
    string Type,
    string AppId,
    DateTimeOffset CreatedAt,
    RequestKind? Kind,
    string? InstallationId,
    string? AccountId,
    string? AccountName,
    Uri? ApiRoot,
    TalkdeskCredentials? Credentials,
    RequestData Data,
    string RedactedPayload);
