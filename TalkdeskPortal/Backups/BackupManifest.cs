using System.Reflection;
using System.Text.Json;

namespace TalkdeskPortal.Backups;

/// <summary>backup.json inside a backup: when, by which portal, at which schema, and what the database held.</summary>
public sealed record BackupManifest(
    DateTimeOffset CreatedAt,
    string PortalVersion,
    string? Migration,
    int Requests,
    int Tenants,
    DateTimeOffset? NewestEvent,
    int KeyFiles,
    long? BackupId)
{
    public const string EntryName = "backup.json";

    public static readonly string CurrentPortalVersion =
        typeof(BackupManifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static BackupManifest? Parse(Stream json) => JsonSerializer.Deserialize<BackupManifest>(json, Json);
}
