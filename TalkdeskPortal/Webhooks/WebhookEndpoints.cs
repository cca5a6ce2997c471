using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Lifecycle.Jobs;
using TalkdeskPortal.Operations;
using TalkdeskPortal.Webhooks.Signatures;

namespace TalkdeskPortal.Webhooks;

public static class WebhookEndpoints
{
    public const string Path = "/webhooks/talkdesk";
    public const int MaxBodyBytes = 64 * 1024;

    public static WebApplication MapWebhooks(this WebApplication app)
    {
        app.UseRateLimiter();
        app.MapPost(Path, ReceiveAsync)
            .DisableAntiforgery()
            .AllowAnonymous()
            .RequireRateLimiting(WebhookRateLimiting.Policy)
            .WithName("TalkdeskWebhook");
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, EventEnvelopeParser parser, IntakeQueue intake,
        RequestDispatcher dispatcher, RequestChanges changes, PortalMetrics metrics, IEnumerable<IEventSignatureCheck> signatures, ILogger<EventEnvelopeParser> logger, CancellationToken ct)
    {
        if (!IsJson(http.Request.ContentType))
            return Refuse(metrics, StatusCodes.Status415UnsupportedMediaType, "Unsupported content type", "Send the event as application/json.");
        var body = await RequestBody.ReadAsync(http.Request, MaxBodyBytes, ct);
        if (body is null)
            return Refuse(metrics, StatusCodes.Status413PayloadTooLarge, "Event too large", $"Events are limited to {MaxBodyBytes / 1024} KiB.");

        var (parsed, error) = parser.Parse(body.Value);
        if (error is not null)
        {
            logger.LogWarning("Refused a delivery with {Status}: {Detail}", error.Status, error.Detail);
            return Refuse(metrics, error.Status, error.Title, error.Detail);
        }

        foreach (var check in signatures.Where(c => c.Enabled))
        {
            if (await check.CheckAsync(http.Request, body.Value, parsed!, ct) is { } why)
            {
                logger.LogWarning("Refused event {EventId}: {Reason}", parsed!.Id, why);
                return Refuse(metrics, StatusCodes.Status401Unauthorized, "Signature not accepted", why);
            }
        }

        var result = await intake.AcceptAsync(parsed!, http.Connection.RemoteIpAddress?.ToString());
        logger.LogInformation("Event {EventId} ({Type}) for installation {InstallationId}: {Status}",
            parsed!.Id, parsed.Type, parsed.InstallationId, result.Status);
        if (result.Status == IntakeStatus.Duplicate) metrics.Duplicate(parsed.Type);
        else metrics.EventReceived(parsed.Type);
        if (result is { Status: IntakeStatus.Accepted, RequestId: { } id })
        {
            dispatcher.Notify(id);
            changes.Publish(new LifecycleRequest
            {
                Id = id, EventId = parsed.Id, Kind = parsed.Kind!.Value, AppId = parsed.AppId, InstallationId = parsed.InstallationId!,
                AccountId = parsed.AccountId!, ApiRoot = "",
            });
        }
        return Results.Json(new { status = result.Status.ToString().ToLowerInvariant(), request_id = result.RequestId, event_id = parsed.Id },
            statusCode: StatusCodes.Status202Accepted);
    }

    private static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Value is { } type
        && (type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static IResult Refuse(PortalMetrics metrics, int status, string title, string detail)
    {
        metrics.Refused(status);
        return Results.Problem(statusCode: status, title: title, detail: detail);
    }
}
