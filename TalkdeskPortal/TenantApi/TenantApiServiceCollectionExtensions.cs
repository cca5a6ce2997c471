namespace TalkdeskPortal.TenantApi;

/// <summary>The tenant API the partner's product calls (API keys, endpoints, rate limit, OpenAPI).</summary>
public static class TenantApiServiceCollectionExtensions
{
    public static WebApplicationBuilder AddTenantApi(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapTenantApi(this WebApplication app)
    {
        return app;
    }
}
