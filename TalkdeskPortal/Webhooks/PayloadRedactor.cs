using System.Text.Json.Nodes;

namespace TalkdeskPortal.Webhooks;

/// <summary>Removes secrets from a payload before it is stored or shown.</summary>
public static class PayloadRedactor
{
    public const string Mask = "[redacted]";

    private static readonly HashSet<string> SecretNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "client_secret", "private_key", "access_token", "refresh_token", "password", "secret",
    };

    public static string Redact(JsonNode root)
    {
        var copy = root.DeepClone();
        Walk(copy);
        return copy.ToJsonString();
    }

    private static void Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (SecretNames.Contains(name)) obj[name] = Mask;
                    else Walk(obj[name]);
                }
                break;
            case JsonArray array:
                foreach (var item in array) Walk(item);
                break;
        }
    }
}
