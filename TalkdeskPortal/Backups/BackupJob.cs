using Hangfire;

namespace TalkdeskPortal.Backups;

/// <summary>Recurring (<c>Backup:Cron</c>, job id "backup") and "Back up now": one backup, retried by Hangfire when it fails.</summary>
public sealed class BackupJob(BackupService backups)
{
    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("Back up the database and the key ring")]
    public async Task RunAsync(string startedBy, CancellationToken cancellationToken)
    {
        var record = await backups.RunAsync(startedBy, cancellationToken);
        // Already recorded and audited; throwing hands the retry to Hangfire.
        if (record.Error is { } error) throw new BackupFailedException(error);
    }
}
