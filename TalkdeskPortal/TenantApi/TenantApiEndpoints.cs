using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using TalkdeskPortal.Tenants;

namespace TalkdeskPortal.TenantApi;

/// <summary>
/// <c>/api/v1</c>: tenants, their users and their settings for the partner's product. Every route needs an API key
/// (and only an API key) and counts against that key's rate limit; every error is problem+json.
/// </summary>
public static class TenantApiEndpoints
{
    public const string Prefix = "/api/v1";
    public const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapTenantApiEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix)
            .RequireAuthorization(ApiKeyDefaults.Policy)
            .RequireRateLimiting(ApiKeyDefaults.RateLimitPolicy)
            .DisableAntiforgery()
            .WithTags("Tenants")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("/tenants", ListTenantsAsync).WithName("ListTenants")
            .WithSummary("List tenants")
            .WithDescription("Tenants oldest first, a page at a time (page from 1, pageSize 1 to 200, default 50), optionally only those with status active or uninstalled.")
            .Produces<ApiTenantList>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/tenants/{talkdeskAccountId}", GetTenantAsync).WithName("GetTenant")
            .WithSummary("Get a tenant")
            .WithDescription("The tenant of a Talkdesk account, with its plan, admin, licensed user count and settings.")
            .Produces<ApiTenant>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/tenants/{talkdeskAccountId}/users", ListUsersAsync).WithName("ListTenantUsers")
            .WithSummary("List a tenant's users")
            .WithDescription("Every Talkdesk user mapped to the tenant; licensed is false for one who no longer holds a license.")
            .Produces<ApiUserList>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/tenants/{talkdeskAccountId}/settings", PutSettingsAsync).WithName("ReplaceTenantSettings")
            .WithSummary("Replace a tenant's settings")
            .WithDescription("Replaces the settings the portal keeps for the tenant across uninstall and reinstall. The body is a JSON object of " +
                             "string values: keys of 1 to 100 characters of A-Z a-z 0-9 _ . : -, values up to 2000 characters, at most 200 keys. " +
                             "Keys left out are deleted. An invalid body changes nothing.")
            .Accepts<Dictionary<string, string>>("application/json")
            .Produces<Dictionary<string, string>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/users/{talkdeskUserId}", GetUserAsync).WithName("GetUser")
            .WithSummary("Find a user's tenant")
            .WithDescription("Which tenant a Talkdesk user belongs to, and whether they are licensed. A user in several tenants is answered with their licensed mapping first.")
            .Produces<ApiUserLookup>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> ListTenantsAsync(string? page, string? pageSize, string? status, TenantApiQuery query, CancellationToken ct)
    {
        if (!TryNumber(page, 1, 1, int.MaxValue, out var pageNumber))
            return ApiProblems.BadRequest("page must be a whole number from 1.");
        if (!TryNumber(pageSize, 50, 1, MaxPageSize, out var size))
            return ApiProblems.BadRequest($"pageSize must be a whole number from 1 to {MaxPageSize}.");
        if (!TryStatus(status, out var wanted)) return ApiProblems.BadRequest("status must be active or uninstalled.");
        return TypedResults.Ok(await query.PageAsync(pageNumber, size, wanted, ct));
    }

    private static async Task<IResult> GetTenantAsync(string talkdeskAccountId, TenantApiQuery query, CancellationToken ct) =>
        await query.TenantAsync(talkdeskAccountId, ct) is { } tenant ? TypedResults.Ok(tenant) : ApiProblems.TenantNotFound(talkdeskAccountId);

    private static async Task<IResult> ListUsersAsync(string talkdeskAccountId, TenantApiQuery query, CancellationToken ct) =>
        await query.UsersAsync(talkdeskAccountId, ct) is { } users ? TypedResults.Ok(users) : ApiProblems.TenantNotFound(talkdeskAccountId);

    private static async Task<IResult> GetUserAsync(string talkdeskUserId, TenantApiQuery query, CancellationToken ct) =>
        await query.UserAsync(talkdeskUserId, ct) is { } user ? TypedResults.Ok(user) : ApiProblems.UserNotFound(talkdeskUserId);

    private static async Task<IResult> PutSettingsAsync(string talkdeskAccountId, HttpRequest request, ClaimsPrincipal user,
        TenantSettingsWriter writer, CancellationToken ct)
    {
        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
        }
        catch (JsonException)
        {
            return ApiProblems.BadRequest("The body is not valid JSON; send a JSON object of string values.");
        }
        using (body)
        {
            var read = SettingsBody.Read(body.RootElement);
            if (read.Settings is null) return ApiProblems.Invalid(read.Errors);
            var actor = ApiKeyDefaults.Actor(user.Identity?.Name ?? "unknown");
            return await writer.ReplaceAsync(talkdeskAccountId, read.Settings, actor, ct) is { } saved
                ? TypedResults.Ok(saved)
                : ApiProblems.TenantNotFound(talkdeskAccountId);
        }
    }

    private static bool TryStatus(string? text, out TenantStatus? status)
    {
        status = text switch { "active" => TenantStatus.Active, "uninstalled" => TenantStatus.Uninstalled, _ => null };
        return string.IsNullOrEmpty(text) || status is not null;
    }

    private static bool TryNumber(string? text, int fallback, int min, int max, out int value)
    {
        value = fallback;
        if (string.IsNullOrEmpty(text)) return true;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }
}
