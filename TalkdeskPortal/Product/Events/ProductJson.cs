using System.Text.Json;

namespace TalkdeskPortal.Product.Events;

/// <summary>How webhook bodies are written: the records' own snake_case names, compact, times in UTC.</summary>
public static class ProductJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General) { WriteIndented = false };

    public static string Body<TData>(string type, DateTimeOffset timestamp, TData data) =>
        JsonSerializer.Serialize(new ProductWebhook<TData>(type, timestamp.ToUniversalTime(), data), Options);
}
