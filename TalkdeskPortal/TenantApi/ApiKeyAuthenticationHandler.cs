using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace TalkdeskPortal.TenantApi;

/// <summary>
/// <c>Authorization: Bearer &lt;key&gt;</c> for the tenant API only: no staff page names this scheme, and the API's
/// policy names no other, so a key never signs anyone in to a page and a staff cookie never reaches the API.
/// The key itself is never logged.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, ApiKeyStore keys, TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string Bearer = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var presented = header[Bearer.Length..].Trim();
        if (presented.Length == 0) return AuthenticateResult.Fail("The Authorization header has no key.");

        var key = await keys.FindAsync(ApiKeyMaterial.Hash(presented), Context.RequestAborted);
        var now = time.GetUtcNow();
        if (key is null) return AuthenticateResult.Fail("The API key is not known.");
        if (key.RevokedAt is not null) return AuthenticateResult.Fail("The API key has been revoked.");
        if (key.ExpiresAt is { } expires && expires <= now) return AuthenticateResult.Fail("The API key has expired.");

        await keys.TouchAsync(key, now, Context.RequestAborted);
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, key.Name),
            new Claim(ApiKeyDefaults.KeyIdClaim, key.Id.ToString(CultureInfo.InvariantCulture)),
        ], ApiKeyDefaults.Scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeyDefaults.Scheme));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = result.Failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        var detail = result.Failure?.Message ?? "Send an API key in the header Authorization: Bearer <key>.";
        Logger.LogInformation("Refused a tenant API call to {Path}: {Reason}", Request.Path, detail);
        await TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "API key required", detail: detail)
            .ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
            detail: "This API key may not do this.").ExecuteAsync(Context);
}
