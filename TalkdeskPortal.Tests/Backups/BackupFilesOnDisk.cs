using System.IO.Compression;
using TalkdeskPortal.Backups;

namespace TalkdeskPortal.Tests.Backups;

/// <summary>What a test reads back from a backup folder and a backup file.</summary>
public static class BackupFilesOnDisk
{
    public static string[] Names(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray() : [];

    public static BackupManifest Manifest(string zip)
    {
        using var archive = ZipFile.OpenRead(zip);
        using var json = archive.GetEntry(BackupManifest.EntryName)!.Open();
        return BackupManifest.Parse(json)!;
    }

    public static string[] Entries(string zip)
    {
        using var archive = ZipFile.OpenRead(zip);
        return archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Every file under a folder with its bytes' hash, to prove a refused restore changed nothing.</summary>
    public static Dictionary<string, string> Fingerprint(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(folder, f),
            f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));
}
