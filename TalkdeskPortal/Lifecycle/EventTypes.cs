namespace TalkdeskPortal.Lifecycle;

/// <summary>Talkdesk's event type names and the request kind each starts.</summary>
public static class EventTypes
{
    public const string Installed = "app.installed";
    public const string Updated = "app.updated";
    public const string Uninstalled = "app.uninstalled";
    public const string CredentialsRotated = "app.credentials_rotated";
    public const string TrialStarted = "app.trial_started";
    public const string TrialExtended = "app.trial_extended";
    public const string TrialEnded = "app.trial_ended";

    private static readonly Dictionary<string, RequestKind> Kinds = new(StringComparer.Ordinal)
    {
        [Installed] = RequestKind.Install,
        [Updated] = RequestKind.Update,
        [Uninstalled] = RequestKind.Uninstall,
        [CredentialsRotated] = RequestKind.CredentialsRotated,
        [TrialStarted] = RequestKind.TrialStarted,
        [TrialExtended] = RequestKind.TrialExtended,
        [TrialEnded] = RequestKind.TrialEnded,
    };

    public static RequestKind? KindOf(string type) => Kinds.TryGetValue(type, out var kind) ? kind : null;

    public static string For(RequestKind kind) => Kinds.First(p => p.Value == kind).Key;
}
