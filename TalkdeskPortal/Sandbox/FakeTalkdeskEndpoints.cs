namespace TalkdeskPortal.Sandbox;

public static class FakeTalkdeskEndpoints
{
    /// <summary>
    /// Maps the fake under <paramref name="prefix"/>: tokens at <c>{prefix}/oauth/token</c> and
    /// <c>{prefix}/{account}/oauth/token</c>, the API under <c>{prefix}/api</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapFakeTalkdesk(this IEndpointRouteBuilder app, string prefix = "/sandbox")
    {
        var root = app.MapGroup(prefix).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        root.MapPost("/oauth/token", IssueAsync);
        root.MapPost("/{account}/oauth/token", IssueAsync);
        FakeApiEndpoints.Map(root.MapGroup("/api").AddEndpointFilter<FakeApiFilter>());
        FakeControlEndpoints.Map(root.MapGroup("/control"));
        // Served without a token, as the unofficial spec describes.
        root.MapGet("/api/events/signature-keys/{keyId}", (string keyId, HttpContext http, FakeTalkdesk talkdesk) =>
        {
            var found = keyId == talkdesk.SigningKeyId;
            talkdesk.Record("GET", http.Request.Path, found ? 200 : 404, null);
            return found ? Results.Text(talkdesk.SigningPublicKeyBase64) : Results.NotFound();
        });
        return app;
    }

    private static async Task<IResult> IssueAsync(HttpContext http, FakeTalkdesk talkdesk, FakeTokenIssuer issuer)
    {
        await FakeApiFilter.DelayAsync(talkdesk, http.RequestAborted);
        if (talkdesk.Faults.TakeTokenFailure() is { } failure)
        {
            if (failure.RetryAfter is { } wait) http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString();
            talkdesk.Record("POST", http.Request.Path, failure.Status, null);
            return Results.Json(new { error = "temporarily_unavailable", error_description = $"Injected {failure.Status}" }, statusCode: failure.Status);
        }
        var result = await issuer.IssueAsync(http.Request);
        talkdesk.Record("POST", http.Request.Path, (result as IStatusCodeHttpResult)?.StatusCode ?? 200, null);
        return result;
    }
}
