using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TalkdeskPortal.Tests.Support;

/// <summary>
/// A minimal OpenID Connect provider on a loopback port: discovery, keys, an authorize endpoint that signs the
/// configured user straight in (form_post), and a token endpoint that checks the client secret and PKCE.
/// </summary>
public sealed class FakeOidcProvider : IAsyncDisposable
{
    public const string ClientId = "talkdesk-portal";
    public const string ClientSecret = "oidc-client-secret-for-tests";

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "test-key" };
    private readonly ConcurrentDictionary<string, Grant> _codes = new();

    private sealed record Grant(string Nonce, string CodeChallenge, string RedirectUri, IReadOnlyDictionary<string, object> Claims);

    private FakeOidcProvider(WebApplication app) => _app = app;

    public string Authority { get; private set; } = "";

    /// <summary>The claims of whoever signs in next (email, name, groups...).</summary>
    public Dictionary<string, object> User { get; set; } = [];

    public int TokensIssued { get; private set; }

    public static async Task<FakeOidcProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var provider = new FakeOidcProvider(app);
        provider.Map(app);
        await app.StartAsync();
        provider.Authority = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return provider;
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Authority,
            ["authorization_endpoint"] = $"{Authority}/authorize",
            ["token_endpoint"] = $"{Authority}/token",
            ["jwks_uri"] = $"{Authority}/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));
        app.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(_key);
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } });
        });
        app.MapGet("/authorize", (HttpRequest request) =>
        {
            var q = request.Query;
            if (q["client_id"] != ClientId || q["response_type"] != "code" || q["code_challenge_method"] != "S256")
                return Results.BadRequest("unexpected authorize request");
            var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            _codes[code] = new Grant(q["nonce"]!, q["code_challenge"]!, q["redirect_uri"]!, new Dictionary<string, object>(User));
            var fields = $"<input type='hidden' name='code' value='{code}'/><input type='hidden' name='state' value='{WebUtility.HtmlEncode(q["state"])}'/>";
            var html = $"<html><body onload='document.forms[0].submit()'><form method='post' action='{WebUtility.HtmlEncode(q["redirect_uri"])}'>{fields}</form></body></html>";
            return Results.Content(html, "text/html");
        });
        app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            var (clientId, secret) = ClientCredentials(request, form);
            if (clientId != ClientId || secret != ClientSecret) return Results.Json(new { error = "invalid_client" }, statusCode: 401);
            if (form["grant_type"] != "authorization_code" || !_codes.TryRemove(form["code"].ToString(), out var grant))
                return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
            if (challenge != grant.CodeChallenge || form["redirect_uri"] != grant.RedirectUri)
                return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            TokensIssued++;
            return Results.Json(new { access_token = "opaque", token_type = "Bearer", expires_in = 300, id_token = IdToken(grant) });
        });
    }

    private string IdToken(Grant grant)
    {
        var claims = new Dictionary<string, object>(grant.Claims) { ["nonce"] = grant.Nonce, ["sub"] = grant.Claims.GetValueOrDefault("email") ?? "someone" };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = ClientId,
            Claims = claims,
            IssuedAt = DateTime.UtcNow,
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    private static (string? Id, string? Secret) ClientCredentials(HttpRequest request, IFormCollection form)
    {
        if (request.Headers.Authorization.ToString() is { } header && header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..])).Split(':', 2);
            return (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1]));
        }
        return (form["client_id"], form["client_secret"]);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
