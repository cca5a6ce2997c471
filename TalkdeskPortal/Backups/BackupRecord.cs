namespace TalkdeskPortal.Backups;

/// <summary>One backup attempt: where it went, how big, whether it was verified, or why it failed.</summary>
public sealed class BackupRecord
{
    public long Id { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    // The file name inside Backup:Directory (never a full path from outside).
    public string? FileName { get; set; }
    public long? SizeBytes { get; set; }
    public bool Verified { get; set; }
    public string? Error { get; set; }
    // "system" for the schedule, else the Admin who asked.
    public required string StartedBy { get; set; }
}
