namespace TalkdeskPortal.Sandbox;

/// <summary>Every fake API call: latency and injected faults first, then the bearer token, then a record of the answer.</summary>
internal sealed class FakeApiFilter(FakeTalkdesk talkdesk, FakeTokenIssuer issuer) : IEndpointFilter
{
    public const string TokenItem = "fake-talkdesk-token";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var method = http.Request.Method;
        var path = http.Request.Path.ToString();
        await DelayAsync(talkdesk, http.RequestAborted);

        if (talkdesk.Faults.TakeHang())
        {
            try { await Task.Delay(TimeSpan.FromMinutes(5), http.RequestAborted); }
            catch (OperationCanceledException) { }
            talkdesk.Record(method, path, 499, null);
            return Results.StatusCode(499);
        }
        if (talkdesk.Faults.TakeFailure() is { } failure)
        {
            if (failure.RetryAfter is { } wait) http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString();
            talkdesk.Record(method, path, failure.Status, null);
            return Results.Json(new { code = "injected", message = $"Injected {failure.Status}" }, statusCode: failure.Status);
        }

        var token = issuer.Validate(http.Request.Headers.Authorization);
        if (token is null)
        {
            talkdesk.Record(method, path, 401, null);
            return Results.Json(new { code = "unauthorized", message = "Missing, expired or revoked token" }, statusCode: 401);
        }
        http.Items[TokenItem] = token;
        var result = await next(context);
        talkdesk.Record(method, path, (result as IStatusCodeHttpResult)?.StatusCode ?? 200, token.ClientId);
        return result;
    }

    public static Task DelayAsync(FakeTalkdesk talkdesk, CancellationToken ct) =>
        talkdesk.Faults.Latency > TimeSpan.Zero ? Task.Delay(talkdesk.Faults.Latency, ct) : Task.CompletedTask;
}
