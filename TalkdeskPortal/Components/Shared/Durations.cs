namespace TalkdeskPortal.Components.Shared;

public static class Durations
{
    public static string Short(double seconds) => seconds switch
    {
        < 1 => $"{seconds * 1000:0} ms",
        < 120 => $"{seconds:0.0} s",
        < 7200 => $"{seconds / 60:0} min",
        < 172800 => $"{seconds / 3600:0.0} h",
        _ => $"{seconds / 86400:0.0} d",
    };

    public static string Left(TimeSpan left) => left <= TimeSpan.Zero
        ? "expired"
        : left.TotalHours < 24 ? $"{(int)left.TotalHours} h {left.Minutes} min" : $"{(int)left.TotalDays} d {left.Hours} h";

    // "in 2 min", "in 1 h 5 min", "3 min ago": for times close to now, read next to the absolute time.
    public static string Relative(TimeSpan fromNow)
    {
        var span = fromNow.Duration();
        if (span < TimeSpan.FromSeconds(5)) return "now";
        var minutes = (int)Math.Round(span.TotalMinutes);
        var words = span.TotalSeconds < 60 ? $"{span.TotalSeconds:0} s"
            : minutes < 60 ? $"{minutes} min"
            : minutes < 1440 ? (minutes % 60 == 0 ? $"{minutes / 60} h" : $"{minutes / 60} h {minutes % 60} min")
            : $"{minutes / 1440} d {minutes % 1440 / 60} h";
        return fromNow > TimeSpan.Zero ? $"in {words}" : $"{words} ago";
    }
}
