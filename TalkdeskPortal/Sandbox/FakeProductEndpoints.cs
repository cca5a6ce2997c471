using Microsoft.Extensions.Options;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;
using TalkdeskPortal.Product;

namespace TalkdeskPortal.Sandbox;

/// <summary>The sandbox's fake product: <c>POST {prefix}/product/webhook</c>, verified like a real receiver would.</summary>
public static class FakeProductEndpoints
{
    public const string Path = "/product/webhook";

    public static IEndpointRouteBuilder MapFakeProduct(this IEndpointRouteBuilder app, string prefix = SandboxOptions.Prefix)
    {
        app.MapPost(prefix + Path, ReceiveAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, FakeProduct product, IOptionsMonitor<ProductOptions> options, TimeProvider time)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        string? error = null;
        try
        {
            new StandardWebhook(options.CurrentValue.WebhookSecret ?? "").Verify(body, request.Headers);
        }
        catch (Exception ex) when (ex is WebhookVerificationException or FormatException)
        {
            error = ex.Message;
        }
        var (status, result) = (error, product.Mode) switch
        {
            (not null, _) => (401, Results.Problem(statusCode: 401, title: "Signature not valid", detail: error)),
            (_, FakeProductMode.Refuse) => (422, Results.Problem(statusCode: 422, title: "Tenant not accepted",
                detail: "The sandbox product is set to refuse: no seat left on the shared cluster for this customer.")),
            (_, FakeProductMode.Down) => (503, Results.Problem(statusCode: 503, title: "Product unavailable", detail: "The sandbox product is set to be down.")),
            _ => (200, Results.Ok(new { received = true })),
        };
        product.Record(new FakeProductDelivery(time.GetUtcNow(), request.Headers["webhook-id"].ToString(), FakeProduct.TypeOf(body),
            error is null, error, status, body));
        return result;
    }
}
