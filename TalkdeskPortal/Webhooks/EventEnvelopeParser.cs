using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Microsoft.Extensions.Options;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Talkdesk;

namespace TalkdeskPortal.Webhooks;

/// <summary>
/// Checks a delivery against the envelope of TALKDESK.md §2 and our allow-lists. It makes no call and
/// keeps no secret in clear: credentials leave here only inside <see cref="ParsedEvent.Credentials"/>.
/// </summary>
public sealed partial class EventEnvelopeParser(IOptionsMonitor<TalkdeskOptions> options, TalkdeskEndpoints endpoints, TimeProvider time)
{
    private const int MaxIdLength = 100;
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 32 };
    private static readonly string[] KeyAlgorithms = ["ES256", "ES384", "ES512", "PS256", "PS384", "PS512"];

    // \z, not $: in .NET '$' also matches before a final newline, so "id\n" would pass.
    [GeneratedRegex(@"^[A-Za-z0-9_.:-]{1,100}\z")]
    private static partial Regex IdPattern();

    public (ParsedEvent? Event, IntakeError? Error) Parse(ReadOnlyMemory<byte> body)
    {
        // System.Text.Json checks UTF-8 only in the strings it decodes; bytes in a value we never read would be stored.
        if (!Utf8.IsValid(body.Span))
            return (null, IntakeError.BadRequest("The body is not valid UTF-8 (RFC 8259 requires it): an invalid, overlong, surrogate or truncated byte sequence."));
        try
        {
            return ParseEnvelope(body);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            // e.g. a string that is valid JSON but not valid text (a lone surrogate)
            return (null, IntakeError.BadRequest("The body holds a value that is not valid text."));
        }
    }

    private (ParsedEvent? Event, IntakeError? Error) ParseEnvelope(ReadOnlyMemory<byte> body)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body.Span, documentOptions: JsonOptions);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            return (null, IntakeError.BadRequest("The body is not valid JSON."));
        }
        if (root is not JsonObject envelope) return (null, IntakeError.BadRequest("The body must be a JSON object."));

        var reader = new FieldReader(envelope);
        var id = reader.Id("id");
        var type = reader.Required("type", 64);
        var appId = reader.Id("app_id");
        if (reader.Error is { } envelopeError) return (null, envelopeError);
        if (envelope["data"] is not JsonObject data) return (null, IntakeError.BadRequest("'data' must be an object."));
        if (!options.CurrentValue.AppIds.Contains(appId, StringComparer.Ordinal))
            return (null, IntakeError.Forbidden("The app_id is not one this portal serves."));
        var createdAt = reader.Timestamp("created_at") ?? time.GetUtcNow();
        if (reader.Error is { } timeError) return (null, timeError);

        var redacted = PayloadRedactor.Redact(envelope);
        var kind = EventTypes.KindOf(type!);
        if (kind is null) // ignored, but an allow-listed API root still lets an ECDSA signature be checked
            return (new ParsedEvent(id!, type!, appId!, createdAt, null, null, null, null, RootHref(envelope) is { } link ? endpoints.ApiRootFrom(link) : null,
                null, new RequestData(), redacted), null);

        return ParseHandled(envelope, data, id!, type!, appId!, createdAt, kind.Value, redacted);
    }

    private (ParsedEvent?, IntakeError?) ParseHandled(JsonObject envelope, JsonObject data, string id, string type, string appId,
        DateTimeOffset createdAt, RequestKind kind, string redacted)
    {
        var fields = new FieldReader(data);
        var installationId = fields.Id("installation_id");
        var accountId = fields.Id("account_id");
        var accountName = kind == RequestKind.CredentialsRotated || kind >= RequestKind.TrialStarted
            ? fields.Optional("account_name", 63)
            : fields.Required("account_name", 63);
        var credentials = kind is RequestKind.Install or RequestKind.CredentialsRotated ? ReadCredentials(fields) : null;
        var requestData = EventDataReader.Read(kind, fields);
        if (fields.Error is { } dataError) return (null, dataError);

        var href = RootHref(envelope);
        if (href is null) return (null, IntakeError.BadRequest("'_links.root.href' is required."));
        if (accountName is not null && !TalkdeskEndpoints.IsPlainSubdomainLabel(accountName))
            return (null, IntakeError.Forbidden("'account_name' must be a plain subdomain label."));
        if (endpoints.ApiRootFrom(href) is not { } apiRoot)
            return (null, IntakeError.Forbidden("'_links.root' is not an allowed Talkdesk API host."));

        return (new ParsedEvent(id, type, appId, createdAt, kind, installationId, accountId, accountName?.ToLowerInvariant(),
            apiRoot, credentials, requestData, redacted), null);
    }

    private static string? RootHref(JsonObject envelope) =>
        (envelope["_links"] as JsonObject)?["root"] is JsonObject rootLink && rootLink["href"] is JsonValue v
            && v.TryGetValue<string>(out var s) ? s : null;

    private static TalkdeskCredentials? ReadCredentials(FieldReader fields)
    {
        var clientId = fields.Required("client_id", 200);
        var secret = fields.Required("client_secret", 500);
        var privateKey = fields.Required("private_key", 8000);
        var publicKey = fields.Optional("public_key", 4000);
        var keyId = fields.Required("key_id", 200);
        var algorithm = fields.Required("key_algorithm", 8);
        if (algorithm is not null && !KeyAlgorithms.Contains(algorithm, StringComparer.Ordinal))
            fields.Fail($"'key_algorithm' must be one of {string.Join(", ", KeyAlgorithms)}.");
        return fields.Error is null ? new TalkdeskCredentials(clientId!, secret!, privateKey!, publicKey, keyId!, algorithm!) : null;
    }

    internal static bool IsValidId(string value) => IdPattern().IsMatch(value) && value.Length <= MaxIdLength;
}
