using System.Diagnostics.CodeAnalysis;
using Cronos;
using Microsoft.Extensions.Options;

namespace TalkdeskPortal.Backups;

/// <summary>What <c>Backup:Cron</c> means in time: how far apart backups are, and since when this portal runs.</summary>
public sealed class BackupSchedule(IOptions<BackupOptions> options, TimeProvider time)
{
    // Enough occurrences to see a weekend or a month boundary in schedules like "0 3 * * 1-5".
    private const int Occurrences = 40;

    public DateTimeOffset PortalStartedAt { get; } = time.GetUtcNow();

    public bool Scheduled => options.Value.Scheduled;

    /// <summary>The longest gap between two scheduled backups from now on; null when off or never due.</summary>
    public TimeSpan? Period()
    {
        if (!Scheduled || !TryParse(options.Value.Cron!, out var cron)) return null;
        var from = time.GetUtcNow().UtcDateTime;
        var at = cron.GetOccurrences(from, from.AddYears(5), TimeZoneInfo.Utc).Take(Occurrences).ToList();
        if (at.Count < 2) return null;
        return at.Zip(at.Skip(1), (a, b) => b - a).Max();
    }

    /// <summary>Hangfire's forms: five fields, or six with seconds first, or a macro such as @daily.</summary>
    public static bool TryParse(string cron, [NotNullWhen(true)] out CronExpression? expression)
    {
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return CronExpression.TryParse(cron.Trim(), fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard, out expression);
    }
}
