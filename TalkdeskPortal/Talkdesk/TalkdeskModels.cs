namespace TalkdeskPortal.Talkdesk;

public sealed record TalkdeskAccount(string Id, string Name, string? CompanyName, string? Timezone, DateTimeOffset? CreatedAt);

public sealed record TalkdeskUser(string Id, string? Email, string? Name, bool Active, string? Extension);

public sealed record TalkdeskInstallationState(string State, string? Reason, DateTimeOffset? UpdatedAt);

public sealed record TalkdeskInstallation(
    string Id,
    string AppId,
    string AccountId,
    IReadOnlyList<string> Scopes,
    DateTimeOffset? CreatedAt,
    TalkdeskUser? CreatedBy,
    TalkdeskInstallationState? State);

public sealed record TalkdeskSubscription(
    string? Type,
    string? LicenseType,
    string? Name,
    int? TotalLicenses,
    int? MinLicenses,
    int? MaxLicenses);

public enum InstallationDecision
{
    Approve,
    Reject,
}
