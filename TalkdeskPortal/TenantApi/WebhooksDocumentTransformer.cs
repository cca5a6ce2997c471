using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TalkdeskPortal.Product.Events;

namespace TalkdeskPortal.TenantApi;

/// <summary>
/// The lifecycle webhooks the product receives, as OpenAPI 3.1 <c>webhooks</c>: one per event type, its body the
/// payload record, with the Standard Webhooks headers that sign it.
/// </summary>
public sealed class WebhooksDocumentTransformer : IOpenApiDocumentTransformer
{
    private sealed record Hook(string Type, string SchemaId, Type Payload, string Summary);

    private static readonly Hook[] Hooks =
    [
        new(ProductEventTypes.Provisioned, "TenantInstalledWebhook", typeof(ProductWebhook<TenantInstalledData>),
            "A Talkdesk account installed the app for the first time: provision the tenant and its licensed users."),
        new(ProductEventTypes.Reinstalled, "TenantInstalledWebhook", typeof(ProductWebhook<TenantInstalledData>),
            "An account that had the app installs it again; data.settings carries the settings kept from before."),
        new(ProductEventTypes.Updated, "TenantUpdatedWebhook", typeof(ProductWebhook<TenantUpdatedData>),
            "The plan, licenses or licensed users changed; users_added and users_removed say who came and went."),
        new(ProductEventTypes.Uninstalled, "TenantUninstalledWebhook", typeof(ProductWebhook<TenantUninstalledData>),
            "The account uninstalled the app. The portal keeps the user mappings and settings for a reinstall."),
        new(ProductEventTypes.TrialChanged, "TenantTrialChangedWebhook", typeof(ProductWebhook<TenantTrialChangedData>),
            "The account's trial started, was extended or ended."),
    ];

    private const string Signing =
        "Signed as the Standard Webhooks specification defines: verify `webhook-signature` over `{webhook-id}.{webhook-timestamp}.{body}` " +
        "with the secret from Product:WebhookSecret (for example with the StandardWebhooks package's `Verify`), refuse a timestamp more " +
        "than five minutes old, and dedupe on `webhook-id`, which is the same on every retry of one event. Answer 2xx once stored; " +
        "any other answer is retried with backoff. With Product:ApproveWhen=ProductAccepted, a 4xx with a problem+json `detail` holds " +
        "the Talkdesk approval for staff, who see that detail.";

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Webhooks ??= new Dictionary<string, IOpenApiPathItem>();
        foreach (var hook in Hooks)
        {
            if (!document.Components.Schemas.ContainsKey(hook.SchemaId))
                document.AddComponent(hook.SchemaId, await context.GetOrCreateSchemaAsync(hook.Payload, cancellationToken: ct));
            document.Webhooks[hook.Type] = new OpenApiPathItem
            {
                Operations = new Dictionary<HttpMethod, OpenApiOperation>
                {
                    [HttpMethod.Post] = Operation(hook, document),
                },
            };
        }
    }

    private static OpenApiOperation Operation(Hook hook, OpenApiDocument document) => new()
    {
        OperationId = "webhook-" + hook.Type.Replace('.', '-').Replace('_', '-'),
        Summary = hook.Type,
        Description = $"{hook.Summary} The body's `type` is `{hook.Type}`.\n\n{Signing}",
        Parameters =
        [
            Header("webhook-id", "The event's id; the same on every retry of this event, so the product can dedupe deliveries."),
            Header("webhook-timestamp", "Seconds since the Unix epoch when this attempt was signed."),
            Header("webhook-signature", "`v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}`; several, space separated, while a secret rotates."),
        ],
        RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = new OpenApiSchemaReference(hook.SchemaId, document) },
            },
        },
        Responses = new OpenApiResponses
        {
            ["200"] = new OpenApiResponse { Description = "Received (any 2xx counts). The delivery is done." },
            ["400"] = new OpenApiResponse { Description = "Refused (any 4xx): with ProductAccepted, staff see the problem+json detail and decide." },
            ["500"] = new OpenApiResponse { Description = "Not received (5xx, timeout): retried with backoff." },
        },
    };

    private static OpenApiParameter Header(string name, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = true,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };
}
