using System.Text.Json;
using System.Text.RegularExpressions;

namespace TalkdeskPortal.TenantApi;

/// <summary>
/// Reads the body of <c>PUT …/settings</c>: a JSON object of string values, keys of 1 to 100 of
/// <c>A-Z a-z 0-9 _ . : -</c>, values up to 2000 characters, at most 200 keys. Every problem is named, by key.
/// </summary>
public static partial class SettingsBody
{
    public const int MaxKeys = 200;
    public const int MaxValueLength = 2000;

    public sealed record Result(Dictionary<string, string>? Settings, Dictionary<string, string[]> Errors);

    public static Result Read(JsonElement body)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors["body"] = [$"The body must be a JSON object of string values, not {Kind(body.ValueKind)}."];
            return new Result(null, errors);
        }
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in body.EnumerateObject())
        {
            var key = property.Name;
            if (!KeyPattern().IsMatch(key))
                Add(errors, key, "The key must be 1 to 100 characters of A-Z, a-z, 0-9, '_', '.', ':' or '-'.");
            else if (settings.ContainsKey(key))
                Add(errors, key, "The key appears more than once.");
            if (property.Value.ValueKind != JsonValueKind.String)
                Add(errors, key, $"The value must be a string, not {Kind(property.Value.ValueKind)}.");
            else if (property.Value.GetString() is { Length: > MaxValueLength } long_)
                Add(errors, key, $"The value has {long_.Length} characters; the most is {MaxValueLength}.");
            else settings.TryAdd(key, property.Value.GetString()!);
        }
        if (body.EnumerateObject().Count() > MaxKeys)
            errors["body"] = [$"At most {MaxKeys} settings; the body has {body.EnumerateObject().Count()}."];
        return errors.Count == 0 ? new Result(settings, errors) : new Result(null, errors);
    }

    private static void Add(Dictionary<string, string[]> errors, string key, string message)
    {
        // Keep the error's name readable even when the key itself is the problem.
        var name = key.Length is > 0 and <= 100 ? key : key.Length == 0 ? "(empty key)" : key[..100] + "…";
        errors[name] = errors.TryGetValue(name, out var existing) ? [.. existing, message] : [message];
    }

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "a string",
    };

    [GeneratedRegex(@"^[A-Za-z0-9_.:-]{1,100}\z")]
    private static partial Regex KeyPattern();
}
