using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TalkdeskPortal.Lifecycle;

namespace TalkdeskPortal.Webhooks;

/// <summary>Reads the per-type, non-secret parts of <c>data</c> (TALKDESK.md §2).</summary>
internal static class EventDataReader
{
    public static RequestData Read(RequestKind kind, FieldReader fields) => kind switch
    {
        RequestKind.Update => Update(fields),
        RequestKind.Uninstall => Uninstall(fields),
        RequestKind.TrialStarted or RequestKind.TrialExtended or RequestKind.TrialEnded =>
            new RequestData { ExpiresAt = fields.Timestamp("expires_at") },
        _ => new RequestData(),
    };

    private static RequestData Update(FieldReader fields)
    {
        var users = ObjectOrNull(fields, fields.Source, "users");
        var subscription = ObjectOrNull(fields, fields.Source, "subscription");
        var adding = ObjectOrNull(fields, subscription, "adding");
        string? name = null, licenses = null;
        if (adding is not null)
        {
            var plan = new FieldReader(adding);
            name = plan.Optional("name", 128);
            // Talkdesk sends licenses as a string; a number is tolerated, anything else is refused.
            licenses = adding["licenses"] is JsonValue lv && lv.GetValueKind() == JsonValueKind.Number ? lv.ToJsonString() : plan.Optional("licenses", 10);
            // Digits only: the default number style would also take surrounding whitespace such as "10\n".
            if (licenses is not null && !int.TryParse(licenses, NumberStyles.None, CultureInfo.InvariantCulture, out _)) plan.Fail("'subscription.adding.licenses' must be a whole number.");
            if (plan.Error is { } e) fields.Fail(e.Detail);
        }
        return new RequestData
        {
            UsersAdding = fields.IdList(users, "adding"),
            UsersRemoving = fields.IdList(users, "removing"),
            SubscriptionName = name,
            SubscriptionLicenses = licenses,
        };
    }

    private static RequestData Uninstall(FieldReader fields)
    {
        var reason = ObjectOrNull(fields, fields.Source, "reason");
        if (reason is null) return new RequestData();
        var r = new FieldReader(reason);
        var data = new RequestData { ReasonType = r.Optional("type", 64), ReasonMessage = r.Optional("message", 1000) };
        if (r.Error is { } e) fields.Fail(e.Detail);
        return data;
    }

    private static JsonObject? ObjectOrNull(FieldReader fields, JsonObject? parent, string name)
    {
        if (parent is null || !parent.TryGetPropertyValue(name, out var node) || node is null) return null;
        if (node is JsonObject obj) return obj;
        fields.Fail($"'{name}' must be an object.");
        return null;
    }
}
