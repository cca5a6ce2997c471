namespace TalkdeskPortal.Webhooks.Signatures;

/// <summary>
/// <c>Webhooks:Signatures</c>: header schemes Talkdesk has used, each off unless enabled. Verify-by-refetch
/// (<c>Talkdesk:ConfirmEvents</c>) stays on whatever is set here.
/// </summary>
public sealed class SignatureOptions
{
    public const string Section = "Webhooks:Signatures";

    public HmacSignatureOptions Hmac { get; set; } = new();
    public EcdsaSignatureOptions Ecdsa { get; set; } = new();
}

public sealed class HmacSignatureOptions
{
    public bool Enabled { get; set; }

    // The shared secret of the app's webhook; a secret, so set it by environment, not in a file.
    public string? Secret { get; set; }
}

public sealed class EcdsaSignatureOptions
{
    public bool Enabled { get; set; }
}
