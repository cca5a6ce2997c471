namespace TalkdeskPortal.Backups;

/// <summary>A backup that passed its checks, extracted: the database file and the key files, ready to use.</summary>
public sealed record VerifiedBackup(BackupManifest Manifest, string DatabasePath, IReadOnlyList<string> KeyFiles);
