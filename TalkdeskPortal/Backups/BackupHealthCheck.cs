using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TalkdeskPortal.Data;

namespace TalkdeskPortal.Backups;

/// <summary>
/// Degraded when the last backup failed, when the last verified one is older than twice the schedule's period,
/// or when there is none and the portal has run longer than that. Healthy (with a note) when the schedule is off.
/// </summary>
public sealed class BackupHealthCheck(BackupStatus status, BackupSchedule schedule, IOptions<StorageOptions> storage, TimeProvider time)
    : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (storage.Value.IsPostgreSql) return HealthCheckResult.Healthy("PostgreSQL: backups are taken with pg_dump, not by the portal.");
        if (!schedule.Scheduled) return HealthCheckResult.Healthy("Scheduled backups are off (Backup:Cron is empty).");
        if (schedule.Period() is not { } period) return HealthCheckResult.Degraded("Backup:Cron never comes due.");
        var limit = 2 * period;
        var now = time.GetUtcNow();
        try
        {
            var last = await status.LastFinishedAsync(ct);
            if (last is { Error: { } error })
                return HealthCheckResult.Degraded($"The last backup failed at {last.FinishedAt:u}: {error}");
            var verified = await status.LastVerifiedAsync(ct);
            if (verified is null)
                return now - schedule.PortalStartedAt > limit
                    ? HealthCheckResult.Degraded($"No verified backup, and the portal has run longer than {Hours(limit)}.")
                    : HealthCheckResult.Healthy("No backup yet; the first is due on schedule.");
            var age = now - (verified.FinishedAt ?? verified.StartedAt);
            return age > limit
                ? HealthCheckResult.Degraded($"The last verified backup ({verified.FileName}) is {Hours(age)} old: more than twice the schedule ({Hours(period)}).")
                : HealthCheckResult.Healthy($"Last verified backup: {verified.FileName}, {BackupFiles.Size(verified.SizeBytes ?? 0)}.");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Degraded("The backup records could not be read.", ex);
        }
    }

    private static string Hours(TimeSpan span) => span.TotalHours >= 1 ? $"{span.TotalHours:0.#} h" : $"{span.TotalMinutes:0} min";
}
