namespace TalkdeskPortal.Backups;

/// <summary>
/// The data folder a restore writes into. What a portal left there (its database, Hangfire's, the key ring) is
/// only ever renamed aside, never deleted.
/// </summary>
public sealed class RestoreTarget(string directory)
{
    public string Directory { get; } = directory;

    private string Keys => Path.Combine(Directory, "keys");

    /// <summary>The portal's files already here: portal.db*, hangfire.db*, and keys/ when it holds a key.</summary>
    public IReadOnlyList<string> Existing()
    {
        if (!System.IO.Directory.Exists(Directory)) return [];
        var files = System.IO.Directory.EnumerateFiles(Directory, "portal.db*")
            .Concat(System.IO.Directory.EnumerateFiles(Directory, "hangfire.db*"))
            .Select(Path.GetFileName).OfType<string>()
            .Where(n => !n.Contains(".before-restore-", StringComparison.Ordinal));
        var keys = System.IO.Directory.Exists(Keys) && System.IO.Directory.EnumerateFiles(Keys, "*.xml").Any() ? ["keys"] : Array.Empty<string>();
        return [.. files.Order(StringComparer.Ordinal), .. keys];
    }

    /// <summary>Renames each of <see cref="Existing"/> to NAME.before-restore-STAMP; returns the new names.</summary>
    public IReadOnlyList<string> MoveAside(DateTimeOffset at)
    {
        var suffix = ".before-restore-" + BackupFiles.Stamp(at);
        var moved = new List<string>();
        foreach (var name in Existing())
        {
            var from = Path.Combine(Directory, name);
            var to = from + suffix;
            if (name == "keys") System.IO.Directory.Move(from, to);
            else File.Move(from, to);
            moved.Add(name + suffix);
        }
        return moved;
    }

    /// <summary>Moves the verified database in and copies the key files into keys/ (owner-only, as the portal keeps them).</summary>
    public void Place(VerifiedBackup backup)
    {
        System.IO.Directory.CreateDirectory(Directory);
        BackupFiles.CreateOwnerOnlyDirectory(Keys);
        foreach (var key in backup.KeyFiles)
        {
            var target = Path.Combine(Keys, Path.GetFileName(key));
            File.Copy(key, target, overwrite: true);
            BackupFiles.TightenFile(target);
        }
        var database = Path.Combine(Directory, BackupArchive.DatabaseEntry);
        File.Move(backup.DatabasePath, database);
        BackupFiles.TightenFile(database);
    }
}
