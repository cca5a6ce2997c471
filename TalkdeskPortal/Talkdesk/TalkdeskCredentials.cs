namespace TalkdeskPortal.Talkdesk;

/// <summary>One credential set from app.installed or app.credentials_rotated. Never log or show it.</summary>
public sealed record TalkdeskCredentials(
    string ClientId,
    string ClientSecret,
    string PrivateKey,
    string? PublicKey,
    string KeyId,
    string KeyAlgorithm)
{
    // Records print their members; this one must not.
    public override string ToString() => $"TalkdeskCredentials {{ ClientId = {ClientId}, KeyId = {KeyId} }}";
}
