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
        zoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) ? new ViewerTime(zone) : Server;

    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    public string Format(DateTimeOffset at, string format = "yyyy-MM-dd HH:mm") =>
        Local(at).ToString(format, CultureInfo.InvariantCulture);

    public string Format(DateTimeOffset? at, string format = "yyyy-MM-dd HH:mm") => at is { } a ? Format(a, format) : "—";

    // A short name for the zone, shown next to times that matter ("UTC", "Europe/Lisbon").
    public string ZoneName => Zone.Id is "Etc/UTC" or "UTC" or "Etc/Universal" ? "UTC" : Zone.Id;
}
