using System.Globalization;

namespace TalkdeskPortal.Components.Shared;

/// <summary>
/// The one time formatter: times in the viewer's zone. MainLayout cascades the browser's zone once the circuit is
/// live; until then (prerender, bUnit) times read in the server's zone and say which one.
/// </summary>
public sealed record ViewerTime(TimeZoneInfo Zone)
{
    public static readonly ViewerTime Server = new(TimeZoneInfo.Local);

    public static ViewerTime For(string? zoneId) =>
        zoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(Renamed.GetValueOrDefault(zoneId, zoneId), out var zone) ? new ViewerTime(zone) : Server;

    // Browsers built on ICU still report some zones by names IANA has since replaced (Chromium: "Asia/Calcutta");
    // the viewer should read the name their own city goes by today.
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        ["Asia/Calcutta"] = "Asia/Kolkata",
        ["Asia/Saigon"] = "Asia/Ho_Chi_Minh",
        ["Asia/Katmandu"] = "Asia/Kathmandu",
        ["Asia/Rangoon"] = "Asia/Yangon",
        ["Europe/Kiev"] = "Europe/Kyiv",
        ["Atlantic/Faeroe"] = "Atlantic/Faroe",
        ["America/Godthab"] = "America/Nuuk",
    };

    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    public string Format(DateTimeOffset at, string format = "yyyy-MM-dd HH:mm") =>
        Local(at).ToString(format, CultureInfo.InvariantCulture);

    public string Format(DateTimeOffset? at, string format = "yyyy-MM-dd HH:mm") => at is { } a ? Format(a, format) : "—";

    // A short name for the zone, shown next to times that matter ("UTC", "Europe/Lisbon").
    public string ZoneName => Zone.Id is "Etc/UTC" or "UTC" or "Etc/Universal" ? "UTC" : Zone.Id;
}
