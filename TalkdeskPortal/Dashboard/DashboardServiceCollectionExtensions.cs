using TalkdeskPortal.Tenants;

namespace TalkdeskPortal.Dashboard;

public static class DashboardServiceCollectionExtensions
{
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<QueueQuery>();
        builder.Services.AddSingleton<OverviewQuery>();
        builder.Services.AddSingleton<RequestDetailQuery>();
        builder.Services.AddSingleton<AuditQuery>();
        builder.Services.AddSingleton<PolicyPreview>();
        builder.Services.AddSingleton<TenantQuery>();
        builder.Services.AddScoped<LiveUpdates>();
        builder.Services.AddHostedService<OverviewWarmUp>();
        return builder;
    }
}
