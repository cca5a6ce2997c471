using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TalkdeskPortal.Operations;

/// <summary>
/// /healthz's body: the overall status and each check's status and one-line description, so a Degraded answer
/// says what is degraded (e.g. "backup": the last backup failed). Never an exception or a secret.
/// </summary>
public static class HealthReportWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsJsonAsync(body, Json);
    }
}
