using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace TalkdeskPortal.Webhooks.Signatures;

/// <summary><c>x-hub-signature: sha1=&lt;hex&gt;</c> (or sha256=) — an HMAC of the raw body with the shared secret.</summary>
public sealed class HmacSignatureCheck(IOptionsMonitor<SignatureOptions> options) : IEventSignatureCheck
{
    public const string Header = "x-hub-signature";

    public bool Enabled => options.CurrentValue.Hmac.Enabled;

    public Task<string?> CheckAsync(HttpRequest request, ReadOnlyMemory<byte> body, ParsedEvent parsed, CancellationToken ct)
    {
        var secret = options.CurrentValue.Hmac.Secret;
        if (string.IsNullOrEmpty(secret)) return Task.FromResult<string?>("HMAC signatures are enabled but no secret is configured.");
        var header = request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(header)) return Task.FromResult<string?>($"The {Header} header is missing.");
        var parts = header.Split('=', 2);
        if (parts.Length != 2) return Task.FromResult<string?>($"The {Header} header is malformed.");
        byte[] expected;
        var key = Encoding.UTF8.GetBytes(secret);
        switch (parts[0].ToLowerInvariant())
        {
            case "sha1": expected = HMACSHA1.HashData(key, body.Span); break;
            case "sha256": expected = HMACSHA256.HashData(key, body.Span); break;
            default: return Task.FromResult<string?>($"The {Header} algorithm is not supported.");
        }
        byte[] given;
        try { given = Convert.FromHexString(parts[1]); }
        catch (FormatException) { return Task.FromResult<string?>($"The {Header} value is not hex."); }
        return Task.FromResult(CryptographicOperations.FixedTimeEquals(expected, given) ? null : "The HMAC signature does not match the body.");
    }
}
