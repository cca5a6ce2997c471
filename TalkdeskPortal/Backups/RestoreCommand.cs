using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Data;

namespace TalkdeskPortal.Backups;

/// <summary>
/// <c>dotnet TalkdeskPortal.dll restore --from FILE [--data DIR] [--force]</c>: verifies the backup, migrates a
/// staged copy, keeps whatever portal DIR held aside (with --force), puts the database and keys in place and prints
/// one line. Exit 0 restored, 1 bad input, 2 refused; on 1 and 2 nothing in DIR has changed.
/// </summary>
public static class RestoreCommand
{
    public const int Restored = 0;
    public const int BadInput = 1;
    public const int Refused = 2;

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "restore";

    public static async Task<int> RunAsync(string[] args)
    {
        if (RestoreArguments.Parse(args[1..], out var problem) is not { } arguments)
            return Fail(BadInput, $"{problem}\n{RestoreArguments.Usage}");

        // The configuration the portal itself would read (appsettings, environment), without building the host.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new();
        if (storage.IsPostgreSql)
            return Fail(Refused, "Storage:Provider is PostgreSql: the portal's data lives in the database server. Restore it with " +
                "pg_restore from a pg_dump -Fc file (the key ring is in its DataProtectionKeys table); see docs/backups.md.");

        var from = Path.GetFullPath(arguments.From);
        if (!File.Exists(from)) return Fail(BadInput, $"restore: {from} does not exist. Nothing was changed.");
        var target = new RestoreTarget(arguments.DataDirectory is { } data
            ? Path.GetFullPath(data)
            : storage.ResolveDataDirectory(builder.Environment.ContentRootPath));
        var existing = target.Existing();
        if (existing.Count > 0 && !arguments.Force)
            return Fail(Refused, $"restore: {target.Directory} already holds a portal ({string.Join(", ", existing)}). Nothing was changed. " +
                "Stop the portal, then run again with --force to keep those aside as *.before-restore-<time> and restore over them.");

        var staging = Path.Combine(Path.GetTempPath(), "talkdeskportal-restore-" + Guid.NewGuid().ToString("N"));
        try
        {
            VerifiedBackup backup;
            DatabaseFacts facts;
            try
            {
                backup = await BackupVerifier.VerifyAsync(from, staging);
                await MigrateAsync(backup, new FileInfo(from));
                facts = await DatabaseFacts.ReadAsync(backup.DatabasePath);
            }
            catch (BackupInvalidException ex)
            {
                return Fail(BadInput, $"restore: {from} is not a usable backup: {ex.Message}. Nothing was changed.");
            }

            var now = DateTimeOffset.UtcNow;
            var aside = arguments.Force ? target.MoveAside(now) : [];
            target.Place(backup);
            if (aside.Count > 0) Console.Error.WriteLine($"kept aside in {target.Directory}: {string.Join(", ", aside)}");
            if (!string.IsNullOrWhiteSpace(storage.ConnectionString))
                Console.Error.WriteLine($"note: Storage:ConnectionString is set; the restored database is {Path.Combine(target.Directory, BackupArchive.DatabaseEntry)}.");
            var newest = facts.NewestEvent is { } n ? n.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ") : "none";
            Console.WriteLine($"restored {from} into {target.Directory}: {facts.Requests} requests, {facts.Tenants} tenants, newest event {newest}");
            return Restored;
        }
        finally
        {
            BackupFiles.TryDeleteFolder(staging);
        }
    }

    /// <summary>Brings the staged copy to this build's schema and records where it came from, before anything is placed.</summary>
    private static async Task MigrateAsync(VerifiedBackup backup, FileInfo file)
    {
        await using var db = DatabaseFacts.Open(backup.DatabasePath);
        var known = db.Database.GetMigrations().ToHashSet();
        var newer = (await db.Database.GetAppliedMigrationsAsync()).Where(m => !known.Contains(m)).ToList();
        if (newer.Count > 0)
            throw new BackupInvalidException($"it was made by a newer portal (schema {newer[^1]}); restore it with that version or later");
        await db.Database.MigrateAsync();
        // The backup's own row was still open in its snapshot; it finished, verified, as this file proves.
        if (backup.Manifest.BackupId is { } id)
            await db.Backups.Where(b => b.Id == id && b.FinishedAt == null).ExecuteUpdateAsync(s => s
                .SetProperty(b => b.FinishedAt, backup.Manifest.CreatedAt)
                .SetProperty(b => b.Verified, true)
                .SetProperty(b => b.SizeBytes, file.Length));
        db.Audit.Add(new AuditEntry
        {
            At = DateTimeOffset.UtcNow, Actor = AuditActors.System, Action = "backup.restored", Outcome = AuditOutcomes.Ok,
            Detail = $"Restored from {file.Name} (taken {backup.Manifest.CreatedAt:u} by portal {backup.Manifest.PortalVersion}).",
        });
        await db.SaveChangesAsync();
    }

    private static int Fail(int code, string message)
    {
        Console.Error.WriteLine(message);
        return code;
    }
}
