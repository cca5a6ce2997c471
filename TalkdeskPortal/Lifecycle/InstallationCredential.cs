namespace TalkdeskPortal.Lifecycle;

/// <summary>The credential set an installation currently uses; encrypted, wiped on uninstall.</summary>
public sealed class InstallationCredential
{
    public required string InstallationId { get; set; }
    public required string AppId { get; set; }
    public required string AccountId { get; set; }
    public required string AccountName { get; set; }
    public required string ApiRoot { get; set; }
    public required string ClientId { get; set; }
    public required string Protected { get; set; }

    // The set a rotation replaced; kept until Talkdesk accepts the acknowledgement of the new one.
    public string? PreviousProtected { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
