using System.Globalization;
using System.Text.Json;

namespace TalkdeskPortal.Talkdesk;

/// <summary>Maps Talkdesk's snake_case HAL bodies to our records, leniently (numbers may arrive as strings).</summary>
internal static class TalkdeskJson
{
    public static TalkdeskAccount Account(JsonElement e) =>
        new(Text(e, "id") ?? "", Text(e, "name") ?? "", Text(e, "company_name"), Text(e, "timezone"), Time(e, "created_at"));

    public static TalkdeskUser User(JsonElement e) =>
        new(Text(e, "id") ?? "", Text(e, "email"), Text(e, "name"),
            !e.TryGetProperty("active", out var a) || a.ValueKind != JsonValueKind.False, Text(e, "extension"));

    public static IEnumerable<TalkdeskUser> Users(JsonElement page) =>
        page.TryGetProperty("_embedded", out var embedded) && embedded.TryGetProperty("users", out var users) && users.ValueKind == JsonValueKind.Array
            ? users.EnumerateArray().Select(User).Where(u => u.Id.Length > 0).ToList()
            : [];

    public static TalkdeskInstallation Installation(JsonElement e)
    {
        TalkdeskUser? createdBy = null;
        TalkdeskInstallationState? state = null;
        if (e.TryGetProperty("_embedded", out var embedded))
        {
            if (embedded.TryGetProperty("created_by", out var by) && by.ValueKind == JsonValueKind.Object) createdBy = User(by);
            if (embedded.TryGetProperty("state", out var st) && st.ValueKind == JsonValueKind.Object) state = State(st);
        }
        var scopes = e.TryGetProperty("scopes", out var s) && s.ValueKind == JsonValueKind.Array
            ? s.EnumerateArray().Select(x => x.GetString() ?? "").ToList()
            : [];
        return new TalkdeskInstallation(Text(e, "id") ?? "", Text(e, "app_id") ?? "", Text(e, "account_id") ?? "", scopes,
            Time(e, "created_at"), createdBy, state);
    }

    public static TalkdeskSubscription Subscription(JsonElement e) =>
        new(Text(e, "type"), Text(e, "license_type"), Text(e, "name"), Int(e, "total_licenses"), Int(e, "min_licenses"), Int(e, "max_licenses"));

    public static TalkdeskInstallationState State(JsonElement e) =>
        new(Text(e, "state") ?? "", Text(e, "reason"), Time(e, "updated_at"));

    public static async Task<TalkdeskApiException> ErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        string? detail = null;
        try
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            detail = Text(root, "message") ?? Text(root, "error_description") ?? Text(root, "error") ?? Text(root, "description");
        }
        catch (JsonException)
        {
        }
        if (detail is { Length: > 300 }) detail = detail[..300];
        var request = response.RequestMessage;
        return new TalkdeskApiException(
            $"Talkdesk answered {(int)response.StatusCode} to {request?.Method} {request?.RequestUri?.AbsolutePath}{(detail is null ? "" : $": {detail}")}",
            response.StatusCode)
        {
            RetryAfter = TalkdeskResilience.RetryAfter(response, TimeSpan.FromDays(1)),
        };
    }

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Number => v.GetRawText(),
                _ => null,
            }
            : null;

    private static int? Int(JsonElement e, string name) =>
        int.TryParse(Text(e, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static DateTimeOffset? Time(JsonElement e, string name) =>
        DateTimeOffset.TryParse(Text(e, name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
}
