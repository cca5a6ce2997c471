using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using TalkdeskPortal.Lifecycle;

namespace TalkdeskPortal.Data.PostgreSql;

/// <summary>A request change as it travels between instances in a NOTIFY payload: ids and a state, never an entity.</summary>
public sealed record ChangeNotification(long Id, RequestKind Kind, RequestState State, string Account, string From)
{
    public const string Channel = "portal_request_changes";

    // PostgreSQL refuses a payload of 8000 bytes or more.
    public const int MaxPayloadBytes = 7999;

    private static JsonTypeInfo<ChangeNotification> Json => ChangeNotificationJson.Default.ChangeNotification;

    public static string ToPayload(RequestChange change, string instanceId)
    {
        var payload = JsonSerializer.Serialize(new ChangeNotification(change.RequestId, change.Kind, change.State, change.AccountId, instanceId), Json);
        if (Encoding.UTF8.GetByteCount(payload) <= MaxPayloadBytes) return payload;
        // Account ids are at most 100 characters in the database; one this long is not worth losing the change for.
        return JsonSerializer.Serialize(new ChangeNotification(change.RequestId, change.Kind, change.State, "", instanceId), Json);
    }

    /// <summary>The notification, or null when the payload is not one (another writer on the channel, a newer format).</summary>
    public static ChangeNotification? Parse(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize(payload, Json) is { From: not null, Account: not null } n ? n : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public RequestChange ToChange() => new(Id, Kind, State, Account, Remote: true);
}

// Generated at build time: the first change after start is not held up by reflection.
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ChangeNotification))]
internal sealed partial class ChangeNotificationJson : JsonSerializerContext;
