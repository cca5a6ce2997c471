using System.Text.Json.Nodes;

namespace TalkdeskPortal.Sandbox;

/// <summary>The Talkdesk endpoints of TALKDESK.md §5, answered from the fake's state.</summary>
internal static class FakeApiEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/account", (HttpContext http, FakeTalkdesk td) =>
            Caller(http, td) is { } i
                ? Results.Json(new { id = i.AccountId, name = i.AccountName, company_name = i.CompanyName, timezone = "Europe/Lisbon", created_at = i.CreatedAt })
                : NotFound());

        var installation = api.MapGroup("/apps/{appId}/installations/{installationId}");
        installation.MapGet("", (HttpContext http, FakeTalkdesk td, string appId, string installationId) =>
            Own(http, td, appId, installationId) is { } i ? Results.Json(FakeHal.Installation(i, td.AppId)) : NotFound());
        installation.MapGet("/users", (HttpContext http, FakeTalkdesk td, string appId, string installationId, int? page, int? per_page) =>
            Own(http, td, appId, installationId) is { } i ? Results.Json(FakeHal.UserPage(http.Request, i.LicensedUsers.ToList(), page, per_page)) : NotFound());
        installation.MapGet("/subscription", (HttpContext http, FakeTalkdesk td, string appId, string installationId) =>
            Own(http, td, appId, installationId) is { } i
                ? Results.Json(new { type = i.PlanType, license_type = "per_user", name = i.PlanName, total_licenses = i.TotalLicenses, min_licenses = 1, max_licenses = 1000, price = 0 })
                : NotFound());
        installation.MapGet("/trial", (HttpContext http, FakeTalkdesk td, string appId, string installationId) =>
            Own(http, td, appId, installationId) is { } i
                ? Results.Json(new { state = i.TrialState ?? "none", started_at = i.CreatedAt, expires_at = i.TrialExpiresAt, ended_at = (DateTimeOffset?)null })
                : NotFound());
        installation.MapPost("/state", async (HttpContext http, FakeTalkdesk td, string appId, string installationId) =>
        {
            if (Own(http, td, appId, installationId) is not { } i) return NotFound();
            var body = await ReadAsync(http);
            var state = body?["state"]?.GetValue<string>();
            var reason = body?["reason"]?.GetValue<string>();
            if (state is not ("approve" or "reject")) return Results.Json(new { error = "state must be approve or reject" }, statusCode: 400);
            if (state == "reject" && string.IsNullOrWhiteSpace(reason)) return Results.Json(new { error = "reason is required to reject" }, statusCode: 400);
            var fault = td.Faults.TakeStateReplyFault();
            if (fault is { Applied: false, Status: { } dropped })
                return Results.Json(new { code = "injected", message = $"Injected {dropped}; the decision was not applied" }, statusCode: dropped);
            td.RecordDecision(i, state, reason);
            var answer = Results.Json(new { state = i.State, reason, updated_at = i.StateUpdatedAt });
            return await ReplyFaultAsync(http, fault) ?? answer;
        });
        installation.MapPost("/credentials/{clientId}/state", async (HttpContext http, FakeTalkdesk td, string appId, string installationId, string clientId) =>
        {
            if (Own(http, td, appId, installationId) is not { } i) return NotFound();
            if ((await ReadAsync(http))?["state"]?.GetValue<string>() != "acknowledged")
                return Results.Json(new { error = "state must be acknowledged" }, statusCode: 400);
            return td.Acknowledge(i, clientId) ? Results.StatusCode(202) : NotFound();
        });

        api.MapGet("/apps/{appId}/events/{eventId}", (FakeTalkdesk td, string appId, string eventId) =>
            appId == td.AppId && td.StoredEvent(eventId) is { } e ? Results.Json(e) : NotFound());
        api.MapGet("/users", (HttpContext http, FakeTalkdesk td, int? page, int? per_page) =>
            Caller(http, td) is { } i ? Results.Json(FakeHal.UserPage(http.Request, i.Users, page, per_page)) : NotFound());
        api.MapGet("/users/{userId}", (HttpContext http, FakeTalkdesk td, string userId) =>
            Caller(http, td)?.Users.FirstOrDefault(u => u.Id == userId) is { } u ? Results.Json(FakeHal.User(u)) : NotFound());
    }

    private static FakeInstallation? Caller(HttpContext http, FakeTalkdesk td) =>
        http.Items[FakeApiFilter.TokenItem] is FakeTokenIssuer.IssuedToken t ? td.Find(t.InstallationId) : null;

    // A token only opens its own installation.
    private static FakeInstallation? Own(HttpContext http, FakeTalkdesk td, string appId, string installationId) =>
        appId == td.AppId && Caller(http, td) is { } i && i.InstallationId == installationId ? i : null;

    // A decision already applied whose answer comes late or never: what a real peer shows now and then.
    private static async Task<IResult?> ReplyFaultAsync(HttpContext http, FakeFaults.StateReplyFault? fault)
    {
        if (fault is null) return null;
        if (fault.Delay is { } delay)
        {
            try { await Task.Delay(delay, http.RequestAborted); }
            catch (OperationCanceledException) { return Results.StatusCode(499); }
        }
        return fault.Status is { } status
            ? Results.Json(new { code = "injected", message = $"Injected {status} after the decision was applied" }, statusCode: status)
            : null;
    }

    private static async Task<JsonNode?> ReadAsync(HttpContext http)
    {
        try { return await JsonNode.ParseAsync(http.Request.Body); }
        catch (System.Text.Json.JsonException) { return null; }
    }

    private static IResult NotFound() => Results.Json(new { error = "not_found", message = "Not found" }, statusCode: 404);
}
