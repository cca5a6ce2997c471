namespace TalkdeskPortal.Backups;

/// <summary>A backup attempt that failed (recorded and audited already); Hangfire retries the job on it.</summary>
public sealed class BackupFailedException(string message) : Exception(message);
