namespace TalkdeskPortal.Lifecycle;

/// <summary>
/// A request needs the installation's stored credentials, and there are none: its app.installed has not been
/// processed yet (events can arrive out of order), or the installation was uninstalled since.
/// </summary>
public sealed class InstallationNotKnownException(string installationId)
    : WorkflowException($"No credentials are stored for installation {installationId}: its app.installed has not been processed, or it was uninstalled.");
