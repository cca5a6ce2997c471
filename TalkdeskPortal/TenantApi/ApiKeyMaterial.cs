using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace TalkdeskPortal.TenantApi;

/// <summary>What an API key looks like (<c>tdp_</c> + 32 random bytes, base64url) and what of it is stored.</summary>
public static class ApiKeyMaterial
{
    public const string KeyPrefix = "tdp_";
    private const int DisplayLength = 12;

    public static string NewKey() => KeyPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    // Enough to tell keys apart on the page; far too little to use.
    public static string Prefix(string key) => key.Length <= DisplayLength ? key[..Math.Min(4, key.Length)] : key[..DisplayLength];
}
