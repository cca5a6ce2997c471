using System.IO.Compression;
using Microsoft.Data.Sqlite;

namespace TalkdeskPortal.Backups;

/// <summary>
/// What makes a backup count, and what restore checks first: the zip opens, holds backup.json, portal.db and at
/// least one key file, and <c>PRAGMA integrity_check</c> on the extracted database answers "ok".
/// </summary>
public static class BackupVerifier
{
    /// <summary>Extracts into <paramref name="folder"/> (made owner-only) and checks; throws <see cref="BackupInvalidException"/>.</summary>
    public static async Task<VerifiedBackup> VerifyAsync(string zipPath, string folder, CancellationToken ct = default)
    {
        BackupFiles.CreateOwnerOnlyDirectory(folder);
        var keysFolder = Path.Combine(folder, "keys");
        BackupFiles.CreateOwnerOnlyDirectory(keysFolder);
        BackupManifest? manifest = null;
        string? database = null;
        var keys = new List<string>();

        try
        {
            using var zip = ZipFile.OpenRead(zipPath);
            foreach (var entry in zip.Entries)
            {
                ct.ThrowIfCancellationRequested();
                if (entry.FullName == BackupArchive.DatabaseEntry)
                    database = Extract(entry, Path.Combine(folder, BackupArchive.DatabaseEntry));
                else if (entry.FullName == BackupManifest.EntryName)
                    manifest = ReadManifest(entry);
                else if (KeyFileName(entry.FullName) is { } name)
                    keys.Add(Extract(entry, Path.Combine(keysFolder, name)));
            }
        }
        catch (InvalidDataException ex)
        {
            // Not a zip, or an entry whose bytes do not match its checksum.
            throw new BackupInvalidException($"not a readable zip file ({ex.Message})");
        }

        if (manifest is null) throw new BackupInvalidException($"no {BackupManifest.EntryName}");
        if (database is null) throw new BackupInvalidException($"no {BackupArchive.DatabaseEntry}");
        if (keys.Count == 0) throw new BackupInvalidException("no Data Protection keys (keys/*.xml): stored credentials could not be decrypted");
        var integrity = await IntegrityCheckAsync(database, ct);
        if (integrity != "ok") throw new BackupInvalidException($"integrity_check of {BackupArchive.DatabaseEntry} says: {integrity}");
        return new VerifiedBackup(manifest, database, keys);
    }

    private static async Task<string> IntegrityCheckAsync(string database, CancellationToken ct)
    {
        try
        {
            await using var connection = new SqliteConnection(DatabaseFacts.ConnectionString(database, SqliteOpenMode.ReadOnly));
            await connection.OpenAsync(ct);
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check;";
            var lines = new List<string>();
            await using var reader = await check.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct) && lines.Count < 5) lines.Add(reader.GetString(0));
            return string.Join("; ", lines);
        }
        catch (SqliteException ex)
        {
            return ex.Message;
        }
    }

    // keys/<name>.xml and nothing else: no folders, no way out of the extraction folder.
    private static string? KeyFileName(string entryName)
    {
        if (!entryName.StartsWith(BackupArchive.KeysFolder, StringComparison.Ordinal)) return null;
        var name = entryName[BackupArchive.KeysFolder.Length..];
        return name.Length > 4 && name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
            && name.IndexOfAny(['/', '\\']) < 0 && name != ".." ? name : null;
    }

    private static string Extract(ZipArchiveEntry entry, string path)
    {
        using var target = BackupFiles.CreateOwnerOnly(path);
        using var source = entry.Open();
        source.CopyTo(target);
        return path;
    }

    private static BackupManifest ReadManifest(ZipArchiveEntry entry)
    {
        try
        {
            using var json = entry.Open();
            return BackupManifest.Parse(json) ?? throw new BackupInvalidException($"{BackupManifest.EntryName} is empty");
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new BackupInvalidException($"{BackupManifest.EntryName} is not valid: {ex.Message}");
        }
    }
}
