namespace TalkdeskPortal.Data.PostgreSql;

/// <summary>Waits between attempts to reach PostgreSQL again: 250 ms, doubling, at most 30 s.</summary>
public static class Backoff
{
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(30);

    public static TimeSpan After(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(Longest.TotalMilliseconds, 250 * Math.Pow(2, Math.Max(0, failures - 1))));
}
