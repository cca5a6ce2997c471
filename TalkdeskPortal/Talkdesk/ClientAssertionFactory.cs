using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TalkdeskPortal.Talkdesk;

/// <summary>
/// The signed JWT client assertion of TALKDESK.md §4: alg = key_algorithm, kid = key_id,
/// iss = sub = client_id, aud = the token URL, a fresh jti, iat = now, exp = now + 300 s.
/// </summary>
public sealed class ClientAssertionFactory(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(300);

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public string Create(TalkdeskCredentials credentials, Uri tokenUrl)
    {
        var now = time.GetUtcNow().UtcDateTime;
        using var key = SigningKey.Import(credentials);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = credentials.ClientId,
            Audience = tokenUrl.ToString(),
            Subject = new ClaimsIdentity([new Claim("sub", credentials.ClientId)]),
            Claims = new Dictionary<string, object> { ["jti"] = Guid.NewGuid().ToString() },
            IssuedAt = now,
            Expires = now + Lifetime,
            SigningCredentials = new SigningCredentials(key.SecurityKey, credentials.KeyAlgorithm) { CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false } },
        };
        return Handler.CreateToken(descriptor);
    }
}
