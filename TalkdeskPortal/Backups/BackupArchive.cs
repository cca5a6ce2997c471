using System.IO.Compression;
using Microsoft.Data.Sqlite;

namespace TalkdeskPortal.Backups;

/// <summary>One backup file: portal.db (an online snapshot), keys/*.xml as they are on disk, and backup.json.</summary>
public static class BackupArchive
{
    public const string DatabaseEntry = "portal.db";
    public const string KeysFolder = "keys/";

    /// <summary>
    /// SQLite's backup API, never a file copy: it reads a consistent snapshot while the portal goes on writing
    /// (WAL lets writers continue past a reader).
    /// </summary>
    public static async Task SnapshotAsync(string liveConnectionString, string destinationPath, CancellationToken ct)
    {
        await using var source = new SqliteConnection(liveConnectionString);
        await source.OpenAsync(ct);
        await using var destination = new SqliteConnection(DatabaseFacts.ConnectionString(destinationPath));
        await destination.OpenAsync(ct);
        source.BackupDatabase(destination);
        // One self-contained file; the portal puts its database back into WAL mode when it starts on it.
        await using var journal = destination.CreateCommand();
        journal.CommandText = "PRAGMA journal_mode=DELETE;";
        await journal.ExecuteScalarAsync(ct);
    }

    public static void Write(string zipPath, string databasePath, IReadOnlyList<string> keyFiles, BackupManifest manifest)
    {
        using var file = BackupFiles.CreateOwnerOnly(zipPath);
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntryFromFile(databasePath, DatabaseEntry, CompressionLevel.Fastest);
            foreach (var key in keyFiles) zip.CreateEntryFromFile(key, KeysFolder + Path.GetFileName(key), CompressionLevel.Fastest);
            using var json = zip.CreateEntry(BackupManifest.EntryName).Open();
            json.Write(manifest.ToJson());
        }
        // On the disk before the rename makes it count.
        file.Flush(flushToDisk: true);
    }
}
