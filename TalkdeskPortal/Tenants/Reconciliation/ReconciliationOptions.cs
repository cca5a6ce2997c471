using System.ComponentModel.DataAnnotations;

namespace TalkdeskPortal.Tenants.Reconciliation;

/// <summary>The <c>Reconciliation</c> section: when licensed users are read back from Talkdesk, and how fast.</summary>
public sealed class ReconciliationOptions
{
    public const string Section = "Reconciliation";

    // Hangfire cron, in UTC; empty switches the recurring job off (a run can still be started by hand).
    public string? Cron { get; set; } = "0 2 * * *";

    // Talkdesk reads (one tenant's licensed users) per minute, spaced evenly, so a run never crowds out the lifecycle.
    [Range(1, 6000)]
    public int MaxPerMinute { get; set; } = 60;

    // Tenants loaded from the database at a time.
    [Range(1, 10_000)]
    public int Batch { get; set; } = 200;

    // A run stops after this long; the next one starts with the tenants it did not reach (the oldest ReconciledAt).
    public TimeSpan MaxRunTime { get; set; } = TimeSpan.FromHours(4);

    public bool Scheduled => !string.IsNullOrWhiteSpace(Cron);
}
