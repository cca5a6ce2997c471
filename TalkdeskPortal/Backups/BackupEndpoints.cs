using Microsoft.AspNetCore.Antiforgery;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Staff;

namespace TalkdeskPortal.Backups;

/// <summary>
/// For Admins and their scripts: <c>GET /operations/backups</c> lists the latest attempts; <c>POST</c> takes a backup
/// now and answers when it is verified (201) or failed (problem+json). The POST needs an anti-forgery token, as every
/// staff POST does, and an account that is still an Admin.
/// </summary>
public static class BackupEndpoints
{
    public const string Path = "/operations/backups";

    public static IEndpointRouteBuilder MapBackupEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Path).RequireAuthorization(StaffRoles.CanAdminister);
        group.MapGet("", async (BackupStatus status, CancellationToken ct) => Results.Ok(await status.RecentAsync(20, ct)));
        group.MapPost("", BackUpNowAsync)
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .AddEndpointFilter(RequestActionEndpoints.RequireAntiforgeryAsync)
            .AddEndpointFilter(RequireAdminStillAsync);
        return app;
    }

    // A script that stops waiting does not cancel a backup half-way; only the portal stopping does.
    private static async Task<IResult> BackUpNowAsync(HttpContext http, BackupService backups, IHostApplicationLifetime lifetime)
    {
        if (backups.IsPostgreSql)
            return Results.Problem(statusCode: 409, title: "Use pg_dump",
                detail: "On PostgreSQL the portal takes no backup itself: pg_dump -Fc includes every table and the key ring (docs/backups.md).");
        var record = await backups.RunAsync(RequestActionEndpoints.Actor(http), lifetime.ApplicationStopping);
        return record.Error is null
            ? Results.Created($"{Path}/{record.Id}", record)
            : Results.Problem(statusCode: 500, title: "Backup failed", detail: record.Error,
                extensions: new Dictionary<string, object?> { ["backupId"] = record.Id });
    }

    private static async ValueTask<object?> RequireAdminStillAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var actor = await http.RequestServices.GetRequiredService<StaffAccess>()
            .ActorAsync(http.User, $"{http.Request.Method} {http.Request.Path}", StaffRoles.Admin);
        return actor is null
            ? Results.Problem(statusCode: 403, title: "Role no longer held", detail: "Your account is no longer an Admin.")
            : await next(context);
    }
}
