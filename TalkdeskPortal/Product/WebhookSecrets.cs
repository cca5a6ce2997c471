using System.Security.Cryptography;

namespace TalkdeskPortal.Product;

/// <summary>Standard Webhooks secrets: <c>whsec_</c> + base64 of 24–64 bytes.</summary>
public static class WebhookSecrets
{
    public const string Prefix = "whsec_";

    public static byte[]? Parse(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret) || !secret.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        try
        {
            var key = Convert.FromBase64String(secret[Prefix.Length..]);
            return key.Length is >= 24 and <= 64 ? key : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static string New() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
