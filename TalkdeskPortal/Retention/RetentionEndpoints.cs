using Microsoft.Net.Http.Headers;
using TalkdeskPortal.Staff;

namespace TalkdeskPortal.Retention;

/// <summary><c>GET /tenants/{id}/export</c>: the tenant page's Export, and the same for a script with an Admin's cookie.</summary>
public static class RetentionEndpoints
{
    public static IEndpointRouteBuilder MapTenantExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/tenants/{id:long}/export", ExportAsync).RequireAuthorization(StaffRoles.CanAdminister);
        return app;
    }

    private static async Task<IResult> ExportAsync(long id, HttpContext http, StaffAccess access, TenantExport export, CancellationToken ct)
    {
        // The cookie's role can be minutes old; the account's is not.
        if (await access.ActorAsync(http.User, $"export tenant #{id}", StaffRoles.Admin) is not { } actor)
            return Results.Problem(statusCode: 403, title: "Role no longer held", detail: "Exporting a customer's data needs the Admin role.");
        if (await export.BuildAsync(id, actor, ct) is not { } document)
            return Results.Problem(statusCode: 404, title: "No such tenant", detail: $"There is no tenant #{id}.");
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.ContentDisposition =
            new ContentDispositionHeaderValue("attachment") { FileName = TenantExport.FileName(document) }.ToString();
        return Results.Json(document, ExportJson.Options);
    }
}
