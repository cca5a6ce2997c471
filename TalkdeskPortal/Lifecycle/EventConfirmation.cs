using System.Text.Json;
using System.Text.Json.Nodes;
using TalkdeskPortal.Talkdesk;
using TalkdeskPortal.Webhooks;

namespace TalkdeskPortal.Lifecycle;

/// <summary>
/// Verify-by-refetch (TALKDESK.md §6): Talkdesk must return the same event for its id. Nothing in an event is
/// trusted before this, and the refetched <c>data</c> is what the request goes on with.
/// </summary>
public sealed class EventConfirmation(ITalkdeskApi api, CredentialProtector protector)
{
    public async Task<(string? Mismatch, RequestData? Data)> CheckAsync(TalkdeskConnection connection, LifecycleRequest request,
        string eventType, CancellationToken ct)
    {
        var fetched = await api.GetEventAsync(connection, request.EventId, ct);
        if (fetched is not { ValueKind: JsonValueKind.Object } e) return ("Talkdesk does not know this event id.", null);
        if (Text(e, "id") != request.EventId) return ("Talkdesk returned a different event id.", null);
        if (Text(e, "type") != eventType) return ("Talkdesk has this event with another type.", null);
        if (Text(e, "app_id") != request.AppId) return ("Talkdesk has this event for another app.", null);
        if (!e.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object) return ("Talkdesk has this event without its data.", null);
        if (Text(data, "installation_id") is { } inst && inst != request.InstallationId) return ("Talkdesk has this event for another installation.", null);
        if (Text(data, "account_id") is { } acc && acc != request.AccountId) return ("Talkdesk has this event for another account.", null);
        // The credentials an install or a rotation delivered must be the ones Talkdesk's copy names.
        if (Text(data, "client_id") is { } client && request.ProtectedCredentials is { } delivered
            && request.Kind is RequestKind.Install or RequestKind.CredentialsRotated
            && client != protector.Unprotect(delivered).ClientId)
            return ("Talkdesk has this event with other credentials.", null);
        return Read(request.Kind, data) is { } read ? (null, read) : ("Talkdesk's copy of this event has data this portal cannot accept.", null);
    }

    // The same reader as intake; a refetched body intake would refuse is no basis for a change.
    private static RequestData? Read(RequestKind kind, JsonElement data)
    {
        if (JsonNode.Parse(data.GetRawText()) is not JsonObject obj) return null;
        var fields = new FieldReader(obj);
        var read = EventDataReader.Read(kind, fields);
        return fields.Error is null ? read : null;
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
