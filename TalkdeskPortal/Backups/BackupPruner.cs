namespace TalkdeskPortal.Backups;

/// <summary>
/// Keeps the newest <c>Backup:Keep</c> verified backups and deletes portal-*.zip files older than the oldest of them.
/// Nothing else in the folder is touched, and nothing is deleted while fewer than Keep verified backups exist.
/// </summary>
public static class BackupPruner
{
    /// <param name="verifiedNewestFirst">File names of verified backups, as the database records them.</param>
    /// <returns>The names deleted.</returns>
    public static IReadOnlyList<string> Prune(string folder, IEnumerable<string> verifiedNewestFirst, int keep)
    {
        var present = Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>().Where(BackupFiles.IsBackupName).ToHashSet();
        var kept = verifiedNewestFirst.Where(present.Contains).Distinct().Take(keep).ToList();
        if (kept.Count < keep) return [];
        // Names carry their UTC time, so ordinal order is time order.
        var oldestKept = kept.Min(StringComparer.Ordinal)!;
        var deleted = new List<string>();
        foreach (var name in present.Where(n => string.CompareOrdinal(n, oldestKept) < 0).Order(StringComparer.Ordinal))
        {
            File.Delete(Path.Combine(folder, name));
            deleted.Add(name);
        }
        return deleted;
    }
}
