using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Scalar.AspNetCore;
using TalkdeskPortal.Product;

namespace TalkdeskPortal.TenantApi;

/// <summary>The tenant API the partner's product calls (API keys, endpoints, rate limit, OpenAPI).</summary>
public static class TenantApiServiceCollectionExtensions
{
    public const string ReferencePath = "/api/reference";

    public static WebApplicationBuilder AddTenantApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TenantApiOptions>()
            .BindConfiguration(TenantApiOptions.Section)
            .Validate(o => o.RateLimit.PermitLimit is >= 1 and <= 1_000_000 && o.RateLimit.Window >= TimeSpan.FromSeconds(1) && o.RateLimit.Window <= TimeSpan.FromDays(1),
                "TenantApi:RateLimit:PermitLimit must be 1 to 1000000 and TenantApi:RateLimit:Window 1 second to 1 day.")
            .ValidateOnStart();
        services.AddOptions<ProductOptions>()
            .Validate(o => string.IsNullOrWhiteSpace(o.BootstrapApiKey) || o.BootstrapApiKey.Trim().Length >= 32,
                "Product:BootstrapApiKey must have at least 32 characters (e.g. a key in the tdp_ format).");

        // Its own scheme, named only by the API's policy: the default (staff) scheme and the fallback policy are untouched.
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, null);
        services.AddAuthorizationBuilder().AddPolicy(ApiKeyDefaults.Policy, p => p
            .AddAuthenticationSchemes(ApiKeyDefaults.Scheme)
            .RequireAuthenticatedUser()
            .RequireClaim(ApiKeyDefaults.KeyIdClaim));
        services.AddRateLimiter(limiter => limiter.AddPolicy<string, TenantApiRateLimitPolicy>(ApiKeyDefaults.RateLimitPolicy));

        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<ApiKeyAdmin>();
        services.AddSingleton<TenantApiQuery>();
        services.AddSingleton<TenantSettingsWriter>();
        services.AddHostedService<ApiKeyBootstrap>();
        services.AddTenantApiOpenApi();
        return builder;
    }

    public static WebApplication MapTenantApi(this WebApplication app)
    {
        app.MapTenantApiEndpoints();
        // The document holds no data, only shapes; the product's developers may read it without a staff account.
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference(ReferencePath, o => o
                .WithTitle("TalkdeskPortal tenant API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .AddDocument(TenantApiOpenApi.DocumentName)
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent() // an AI helper served from Scalar's cloud; nothing here leaves the portal
                .HideDeveloperTools()
                .AddPreferredSecuritySchemes(TenantApiOpenApi.SecuritySchemeId)
                .WithNonce())
            .RequireAuthorization();
        return app;
    }
}
