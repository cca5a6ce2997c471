using System.ComponentModel.DataAnnotations;

namespace TalkdeskPortal.Retention;

/// <summary>The <c>Retention</c> section: how long personal data is kept, and how the purge paces itself.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    // Payloads and delivery bodies of requests that reached a final state longer ago than this are erased.
    public TimeSpan EventPayloadsAfter { get; set; } = TimeSpan.FromDays(90);

    // Off (null) by default: a tenant uninstalled longer ago than this loses its personal data; its settings stay.
    public TimeSpan? UninstalledTenantAfter { get; set; }

    // Hangfire cron, in UTC; empty switches the recurring job off.
    public string? Cron { get; set; } = "0 * * * *";

    // Rows per transaction, and the pause between two: the purge never holds the write lock for long.
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 100;

    public TimeSpan BatchPause { get; set; } = TimeSpan.FromMilliseconds(150);

    public bool Scheduled => !string.IsNullOrWhiteSpace(Cron);
}
