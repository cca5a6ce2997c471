using System.ComponentModel.DataAnnotations;

namespace TalkdeskPortal.Data;

/// <summary>The <c>Storage</c> section: where the database file and the Data Protection keys live.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    // Relative paths are resolved against the content root.
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Sqlite (one file in DataDirectory, the default) or PostgreSql (several instances on one server).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    // Sqlite: overrides the default "Data Source={DataDirectory}/portal.db". PostgreSql: required (Npgsql's form).
    public string? ConnectionString { get; set; }

    public bool IsPostgreSql => Provider == StorageProvider.PostgreSql;

    public string ResolveDataDirectory(string contentRoot) =>
        Path.GetFullPath(Path.IsPathRooted(DataDirectory) ? DataDirectory : Path.Combine(contentRoot, DataDirectory));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsPostgreSql && string.IsNullOrWhiteSpace(ConnectionString))
            yield return new ValidationResult("Storage:ConnectionString is required when Storage:Provider is PostgreSql.", [nameof(ConnectionString)]);
    }
}

public enum StorageProvider
{
    Sqlite,
    PostgreSql,
}
