namespace TalkdeskPortal.Backups;

/// <summary>A backup file that must not be trusted: not a zip, no database, no keys, or a database that fails its check.</summary>
public sealed class BackupInvalidException(string message) : Exception(message);
