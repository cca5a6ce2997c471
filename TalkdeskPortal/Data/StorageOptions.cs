using System.ComponentModel.DataAnnotations;

namespace TalkdeskPortal.Data;

/// <summary>The <c>Storage</c> section: where the database file and the Data Protection keys live.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    // Relative paths are resolved against the content root.
    [Required]
    public string DataDirectory { get; set; } = "data";

    // Overrides the default "Data Source={DataDirectory}/portal.db".
    public string? ConnectionString { get; set; }

    public string ResolveDataDirectory(string contentRoot) =>
        Path.GetFullPath(Path.IsPathRooted(DataDirectory) ? DataDirectory : Path.Combine(contentRoot, DataDirectory));
}
