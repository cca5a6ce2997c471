using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;

namespace TalkdeskPortal.Operations;

public static class OperationsServiceCollectionExtensions
{
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PortalMetrics>();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<JobServerHealthCheck>("jobs");
        // Exported only when an OTLP endpoint is configured (OpenTelemetry:OtlpEndpoint or OTEL_EXPORTER_OTLP_ENDPOINT).
        var endpoint = builder.Configuration["OpenTelemetry:OtlpEndpoint"] ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
                .AddMeter(PortalMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "System.Net.Http")
                .AddOtlpExporter(o => o.Endpoint = new Uri(endpoint)));
        }
        return builder;
    }

    public static WebApplication MapOperations(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }
}
