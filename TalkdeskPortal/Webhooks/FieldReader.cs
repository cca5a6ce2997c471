using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TalkdeskPortal.Webhooks;

/// <summary>Reads typed fields from a JSON object, keeping the first problem found.</summary>
internal sealed class FieldReader(JsonObject source)
{
    public IntakeError? Error { get; private set; }

    public JsonObject Source => source;

    public void Fail(string detail) => Error ??= IntakeError.BadRequest(detail);

    public string? Id(string name)
    {
        var value = Required(name, 100);
        if (value is not null && !EventEnvelopeParser.IsValidId(value))
            Fail($"'{name}' may contain only letters, digits, '-', '_', '.' and ':'.");
        return value;
    }

    public string? Required(string name, int maxLength)
    {
        var value = Optional(name, maxLength);
        if (value is null && Error is null) Fail($"'{name}' is required and must be a non-empty string.");
        return value;
    }

    public string? Optional(string name, int maxLength)
    {
        if (!source.TryGetPropertyValue(name, out var node) || node is null) return null;
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
        {
            Fail($"'{name}' must be a string.");
            return null;
        }
        var text = v.GetValue<string>();
        if (text.Length == 0) return null;
        if (text.Length > maxLength) Fail($"'{name}' is longer than {maxLength} characters.");
        return text;
    }

    public DateTimeOffset? Timestamp(string name)
    {
        var text = Optional(name, 64);
        if (text is null) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)) return at.ToUniversalTime();
        Fail($"'{name}' must be an ISO 8601 timestamp.");
        return null;
    }

    public IReadOnlyList<string> IdList(JsonObject? parent, string name)
    {
        if (parent is null || !parent.TryGetPropertyValue(name, out var node) || node is null) return [];
        if (node is not JsonArray array)
        {
            Fail($"'{name}' must be an array of ids.");
            return [];
        }
        var ids = new List<string>();
        foreach (var item in array)
        {
            if (item is JsonValue v && v.GetValueKind() == JsonValueKind.String && EventEnvelopeParser.IsValidId(v.GetValue<string>()))
                ids.Add(v.GetValue<string>());
            else
                Fail($"'{name}' must contain only id strings.");
        }
        return ids;
    }
}
