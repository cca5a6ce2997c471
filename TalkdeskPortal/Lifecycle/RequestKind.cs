namespace TalkdeskPortal.Lifecycle;

public enum RequestKind
{
    Install,
    Update,
    Uninstall,
    CredentialsRotated,
    TrialStarted,
    TrialExtended,
    TrialEnded,
}
