using System.Text.Json;

namespace TalkdeskPortal.Lifecycle;

/// <summary>The non-secret part of an event's data that the workflow needs later.</summary>
public sealed record RequestData
{
    public IReadOnlyList<string> UsersAdding { get; init; } = [];
    public IReadOnlyList<string> UsersRemoving { get; init; } = [];
    public string? SubscriptionName { get; init; }
    public string? SubscriptionLicenses { get; init; }
    public string? ReasonType { get; init; }
    public string? ReasonMessage { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }

    public static RequestData From(LifecycleRequest request) =>
        request.DataJson is null ? new RequestData() : JsonSerializer.Deserialize<RequestData>(request.DataJson) ?? new RequestData();
}
