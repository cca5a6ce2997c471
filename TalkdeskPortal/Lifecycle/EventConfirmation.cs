using System.Text.Json;
using TalkdeskPortal.Talkdesk;

namespace TalkdeskPortal.Lifecycle;

/// <summary>
/// Verify-by-refetch (TALKDESK.md §6): a token for the credentials from the real token host, then
/// Talkdesk must return the same event for its id. Nothing in an event is trusted before this.
/// </summary>
public sealed class EventConfirmation(ITalkdeskApi api)
{
    public async Task<string?> FindMismatchAsync(TalkdeskConnection connection, LifecycleRequest request, string eventType, CancellationToken ct)
    {
        var fetched = await api.GetEventAsync(connection, request.EventId, ct);
        if (fetched is not { ValueKind: JsonValueKind.Object } e) return "Talkdesk does not know this event id.";
        if (Text(e, "id") != request.EventId) return "Talkdesk returned a different event id.";
        if (Text(e, "type") != eventType) return "Talkdesk has this event with another type.";
        if (Text(e, "app_id") != request.AppId) return "Talkdesk has this event for another app.";
        if (!e.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object) return null;
        if (Text(data, "installation_id") is { } inst && inst != request.InstallationId) return "Talkdesk has this event for another installation.";
        if (Text(data, "account_id") is { } acc && acc != request.AccountId) return "Talkdesk has this event for another account.";
        if (Text(data, "client_id") is { } client && client != connection.Credentials.ClientId && request.Kind == RequestKind.Install)
            return "Talkdesk has this event with other credentials.";
        return null;
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
