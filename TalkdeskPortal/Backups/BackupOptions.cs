using System.ComponentModel.DataAnnotations;

namespace TalkdeskPortal.Backups;

/// <summary>The <c>Backup</c> section: where backups go, when they are taken, how many are kept.</summary>
public sealed class BackupOptions : IValidatableObject
{
    public const string Section = "Backup";

    // Empty: {DataDirectory}/backups. A relative path is resolved against the content root, as Storage:DataDirectory is.
    public string? Directory { get; set; }

    // Hangfire cron, in UTC; empty switches the schedule off (an Admin can still start one).
    public string? Cron { get; set; } = "0 3 * * *";

    // Verified backups kept; older portal-*.zip files are deleted after a new one is verified.
    [Range(1, 10_000)]
    public int Keep { get; set; } = 14;

    public bool Scheduled => !string.IsNullOrWhiteSpace(Cron);

    public string ResolveDirectory(string dataDirectory, string contentRoot) =>
        string.IsNullOrWhiteSpace(Directory)
            ? Path.Combine(dataDirectory, "backups")
            : Path.GetFullPath(Directory, contentRoot);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Scheduled && !BackupSchedule.TryParse(Cron!, out _))
            yield return new ValidationResult($"Backup:Cron \"{Cron}\" is not a cron expression (five fields, or six with seconds).", [nameof(Cron)]);
    }
}
