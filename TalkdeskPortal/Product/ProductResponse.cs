using System.Net;
using System.Text.Json;

namespace TalkdeskPortal.Product;

/// <summary>What one attempt got back, reduced to what the delivery records and decides on.</summary>
public sealed record ProductResponse(int? StatusCode, string? Snippet, string? Error, TimeSpan? RetryAfter)
{
    public const int SnippetLength = 1000;

    public bool Accepted => StatusCode is >= 200 and < 300;

    // Another 4xx is the product saying no; 408 and 429 are "not now", like a 5xx or no answer.
    public bool Refused => StatusCode is >= 400 and < 500 and not (408 or 429);

    /// <summary>The product's own words: a problem+json <c>detail</c> (or <c>title</c>), else the start of the body.</summary>
    public string Reason()
    {
        if (Error is not null) return Error;
        if (Snippet is { Length: > 0 } body && body.TrimStart().StartsWith('{'))
        {
            try
            {
                using var json = JsonDocument.Parse(body);
                foreach (var name in new[] { "detail", "title" })
                    if (json.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
                        return text;
            }
            catch (JsonException)
            {
                // not JSON after all (or cut at the snippet's length): the snippet says it
            }
        }
        return string.IsNullOrWhiteSpace(Snippet) ? $"HTTP {StatusCode} {(HttpStatusCode?)StatusCode}" : Snippet!;
    }
}
