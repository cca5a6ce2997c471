using System.Text.Json.Nodes;

namespace TalkdeskPortal.Sandbox;

/// <summary>
/// Levers for benchmarks and demos, next to the fake (so only where the sandbox is on): create installations
/// and get their app.installed events, wait for Talkdesk to hear a decision, add latency to every call.
/// </summary>
internal static class FakeControlEndpoints
{
    public static void Map(RouteGroupBuilder control)
    {
        control.MapMethods("/installations", ["GET", "POST"], (HttpRequest request, FakeTalkdesk td, int? count, int? users) =>
        {
            var apiRoot = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path.Value![..request.Path.Value!.IndexOf("/control", StringComparison.Ordinal)]}/api/");
            var events = new JsonArray();
            for (var i = 0; i < Math.Clamp(count ?? 1, 1, 5000); i++)
            {
                var installation = td.CreateInstallation($"bench{FakeKeyPair.Hex(5)}", Math.Clamp(users ?? 3, 1, 200));
                events.Add(td.InstalledEvent(installation, apiRoot));
            }
            return Results.Json(events);
        });
        control.MapGet("/decisions/count", (FakeTalkdesk td) => Results.Json(new { count = td.Decisions.Count }));
        control.MapGet("/decisions", (FakeTalkdesk td) =>
            Results.Json(td.Decisions.Select(d => new { installation_id = d.InstallationId, state = d.State, at = d.At })));
        control.MapPost("/latency", (FakeTalkdesk td, int ms) =>
        {
            td.Faults.Latency = TimeSpan.FromMilliseconds(Math.Clamp(ms, 0, 10_000));
            return Results.NoContent();
        });
    }
}
