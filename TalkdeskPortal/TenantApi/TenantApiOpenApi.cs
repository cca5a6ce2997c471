using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TalkdeskPortal.TenantApi;

/// <summary>
/// <c>/openapi/v1.json</c>: the <c>/api/v1</c> endpoints only (not the Talkdesk callback, the sandbox, the account
/// endpoints or the dashboard), the Bearer key scheme, and the lifecycle webhooks the product receives.
/// </summary>
public static class TenantApiOpenApi
{
    public const string DocumentName = "v1";
    public const string SecuritySchemeId = "ApiKey";

    public static IServiceCollection AddTenantApiOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, o =>
        {
            o.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer(DescribeAsync);
            o.AddOperationTransformer(TenantListParameters.TransformAsync);
            o.AddDocumentTransformer<WebhooksDocumentTransformer>();
        });

    private static Task DescribeAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info = new OpenApiInfo
        {
            Title = "TalkdeskPortal tenant API",
            Version = "v1",
            Description = "Tenants, their Talkdesk users and their settings, for the partner's product; and the signed lifecycle " +
                          "webhooks the portal sends to it. Authenticate with an API key from the portal's API keys page: " +
                          "`Authorization: Bearer tdp_…`. Errors are `application/problem+json`.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SecuritySchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "tdp_ + 43 base64url characters",
            Description = "An API key an Admin created on the portal's API keys page (or Product:BootstrapApiKey).",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemeId, document)] = [] }];
        return Task.CompletedTask;
    }
}
