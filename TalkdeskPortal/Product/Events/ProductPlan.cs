using System.Text.Json.Serialization;

namespace TalkdeskPortal.Product.Events;

/// <summary>The customer's subscription to the app.</summary>
public sealed record ProductPlan(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("licenses")] int? Licenses);
