using System.Globalization;
using System.Text.RegularExpressions;

namespace TalkdeskPortal.Backups;

/// <summary>Names and modes of backup files: portal-YYYYMMDD-HHMMSSZ.zip (UTC), readable by the portal's user only.</summary>
public static partial class BackupFiles
{
    public const string PartialSuffix = ".partial";
    public const string StagingPrefix = ".staging-";
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode OwnerFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static string NameFor(DateTimeOffset at) =>
        "portal-" + at.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "Z.zip";

    /// <summary>Only files with exactly this shape are ever pruned.</summary>
    public static bool IsBackupName(string fileName) => Pattern().IsMatch(fileName);

    // A stamp for what restore keeps aside: portal.db.before-restore-20261130-020000Z.
    public static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "Z";

    /// <summary>Creates the folder 0700 (and tightens one that exists), as the key ring's folder is.</summary>
    public static void CreateOwnerOnlyDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        Directory.CreateDirectory(path, FolderMode);
        if (File.GetUnixFileMode(path) != FolderMode) File.SetUnixFileMode(path, FolderMode);
    }

    /// <summary>A new file, 0600 from its first byte.</summary>
    public static FileStream CreateOwnerOnly(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerFileMode;
        return new FileStream(path, options);
    }

    public static void TightenFile(string path)
    {
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, OwnerFileMode);
    }

    // What a crashed run left: its .partial and its staging folder. Only names a backup makes.
    public static void RemoveLeftovers(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "portal-*.zip" + PartialSuffix)) TryDelete(file);
        foreach (var dir in Directory.EnumerateDirectories(folder, StagingPrefix + "*")) TryDeleteFolder(dir);
    }

    public static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    public static void TryDeleteFolder(string path)
    {
        try { if (Directory.Exists(path)) Directory.Delete(path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    // Decimal units, as a file manager shows them.
    public static string Size(long bytes) => bytes < 1_000_000
        ? (bytes / 1e3).ToString("0", CultureInfo.InvariantCulture) + " KB"
        : (bytes / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    [GeneratedRegex(@"^portal-\d{8}-\d{6}Z\.zip$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
