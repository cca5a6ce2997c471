namespace TalkdeskPortal.Retention;

/// <summary>An installation of the app by the account, as its requests saw it; whether credentials are held, never them.</summary>
public sealed record ExportedInstallation(
    string InstallationId,
    string AppId,
    string ApiRoot,
    DateTimeOffset FirstEventAt,
    DateTimeOffset LastEventAt,
    bool CredentialsHeld);
