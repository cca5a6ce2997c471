using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TalkdeskPortal.Sandbox;

/// <summary>
/// The fake token endpoint's rules: a private_key_jwt assertion must be signed by the key Talkdesk issued,
/// name it in kid, use its algorithm, carry iss = sub = client_id, aud = this URL, a short exp and an
/// unused jti. Basic auth with client_id:client_secret is accepted too.
/// Refusals: a client_id the fake never issued (or retired), a wrong secret, a bad signature or claim → 401
/// invalid_client; no form body or no assertion → 400 invalid_request; an assertion that is not a JWT → 400
/// invalid_client; a reused jti → 400 invalid_grant; an installation put on <see cref="FakeTalkdesk.RefuseTokensFor"/> → 401 invalid_client.
/// </summary>
internal sealed class FakeTokenIssuer(FakeTalkdesk talkdesk)
{
    private const string AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static readonly JsonWebTokenHandler Handler = new();
    private readonly ConcurrentDictionary<string, byte> _usedJtis = new();
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new();

    public sealed record IssuedToken(string InstallationId, string ClientId, DateTimeOffset ExpiresAt, long Generation);

    public async Task<IResult> IssueAsync(HttpRequest request)
    {
        if (!request.HasFormContentType) return Error(400, "invalid_request", "Form body expected.");
        var form = await request.ReadFormAsync();
        if (form["grant_type"] != "client_credentials") return Error(400, "unsupported_grant_type", "Only client_credentials.");

        var (found, error) = request.Headers.Authorization.ToString().StartsWith("Basic ", StringComparison.Ordinal)
            ? FromBasic(request.Headers.Authorization.ToString()[6..])
            : await FromAssertionAsync(form["client_assertion_type"], form["client_assertion"], ThisUrl(request));
        if (error is not null) return error;

        var (installation, key, jti) = found!.Value;
        if (talkdesk.RefusesTokens(installation.InstallationId))
            return Error(401, "invalid_client", "The client's credentials are not accepted.");
        var token = FakeKeyPair.Hex(24);
        _tokens[token] = new IssuedToken(installation.InstallationId, key.Credentials.ClientId, talkdesk.Now.AddSeconds(600),
            talkdesk.Faults.TokenGeneration);
        talkdesk.RecordGrant(new FakeTokenGrant(talkdesk.Now, key.Credentials.ClientId, key.Credentials.KeyId, jti, token));
        return Results.Json(new { access_token = token, token_type = "Bearer", expires_in = 600, scope = "account:read apps:read apps:write users:read events:read" });
    }

    public IssuedToken? Validate(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.Ordinal)) return null;
        return _tokens.TryGetValue(authorization[7..], out var t) && t.ExpiresAt > talkdesk.Now
               && t.Generation == talkdesk.Faults.TokenGeneration && talkdesk.FindKey(t.ClientId) is not null
            ? t
            : null;
    }

    private ((FakeInstallation, FakeKeyPair, string?)?, IResult?) FromBasic(string encoded)
    {
        string decoded;
        try { decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded)); }
        catch (FormatException) { return (null, Error(401, "invalid_client", "Malformed Basic credentials.")); }
        var parts = decoded.Split(':', 2);
        if (parts.Length != 2 || talkdesk.FindKey(parts[0]) is not { } found
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(parts[1]), Encoding.UTF8.GetBytes(found.Key.Credentials.ClientSecret)))
            return (null, Error(401, "invalid_client", "Unknown client or wrong secret."));
        return ((found.Installation, found.Key, null), null);
    }

    private async Task<((FakeInstallation, FakeKeyPair, string?)?, IResult?)> FromAssertionAsync(string? type, string? assertion, string url)
    {
        if (type != AssertionType || string.IsNullOrEmpty(assertion)) return (null, Error(400, "invalid_request", "A jwt-bearer client assertion is required."));
        JsonWebToken jwt;
        try { jwt = Handler.ReadJsonWebToken(assertion); }
        catch (Exception) { return (null, Error(400, "invalid_client", "The assertion is not a JWT.")); }

        if (talkdesk.FindKey(jwt.Issuer) is not { } found) return (null, Error(401, "invalid_client", "Unknown client_id."));
        var credentials = found.Key.Credentials;
        if (jwt.Kid != credentials.KeyId) return (null, Error(401, "invalid_client", "kid does not name the client's key."));
        if (jwt.Alg != credentials.KeyAlgorithm) return (null, Error(401, "invalid_client", "alg is not the key's algorithm."));
        if (jwt.Subject != credentials.ClientId) return (null, Error(401, "invalid_client", "sub must equal client_id."));

        var result = await Handler.ValidateTokenAsync(assertion, new TokenValidationParameters
        {
            ValidIssuer = credentials.ClientId,
            ValidAudience = url,
            IssuerSigningKey = found.Key.PublicKey,
            ValidAlgorithms = [credentials.KeyAlgorithm],
            ValidateLifetime = false, // checked below against the fake's own clock
            RequireExpirationTime = true,
        });
        if (!result.IsValid) return (null, Error(401, "invalid_client", $"Assertion rejected: {result.Exception?.GetType().Name}"));

        var now = talkdesk.Now;
        if (!jwt.TryGetPayloadValue<long>("exp", out var exp)) return (null, Error(401, "invalid_client", "exp is required."));
        var expires = DateTimeOffset.FromUnixTimeSeconds(exp);
        var issued = jwt.TryGetPayloadValue<long>("iat", out var iat) ? DateTimeOffset.FromUnixTimeSeconds(iat) : now;
        if (expires < now.AddSeconds(-30)) return (null, Error(401, "invalid_client", "The assertion has expired."));
        if (expires - issued > TimeSpan.FromSeconds(300)) return (null, Error(401, "invalid_client", "exp may be at most 300 s after iat."));
        if (string.IsNullOrEmpty(jwt.Id) || !_usedJtis.TryAdd(jwt.Id, 0)) return (null, Error(400, "invalid_grant", "jti is missing or was used before."));
        return ((found.Installation, found.Key, jwt.Id), null);
    }

    private static string ThisUrl(HttpRequest r) => $"{r.Scheme}://{r.Host}{r.PathBase}{r.Path}";

    private static IResult Error(int status, string error, string description) =>
        Results.Json(new { error, error_description = description }, statusCode: status);
}
