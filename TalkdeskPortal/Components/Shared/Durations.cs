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
}
