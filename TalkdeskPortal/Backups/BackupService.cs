using System.Diagnostics;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Data;

namespace TalkdeskPortal.Backups;

/// <summary>
/// Takes one backup: online snapshot of the database and the key ring into a .zip.partial, verified, renamed,
/// recorded and audited, then older ones pruned. One at a time per process; a failure is recorded, never thrown.
/// </summary>
public sealed class BackupService(
    IDbContextFactory<PortalDbContext> dbs,
    IOptions<BackupOptions> options,
    IOptions<StorageOptions> storage,
    IWebHostEnvironment environment,
    IDataProtectionProvider protection,
    AuditLog audit,
    BackupStatus status,
    TimeProvider time,
    ILogger<BackupService> logger)
{
    public const string Completed = "backup.completed";
    public const string Failed = "backup.failed";
    public const string Skipped = "backup.skipped";
    public const string Pruned = "backup.pruned";

    private readonly SemaphoreSlim _gate = new(1, 1);

    public bool IsPostgreSql => storage.Value.IsPostgreSql;

    public string DataDirectory => storage.Value.ResolveDataDirectory(environment.ContentRootPath);

    public string Directory => options.Value.ResolveDirectory(DataDirectory, environment.ContentRootPath);

    /// <summary>Runs a backup now (after any running one); the record says how it went (<c>Error</c> when it failed).</summary>
    public async Task<BackupRecord> RunAsync(string startedBy, CancellationToken ct = default)
    {
        if (IsPostgreSql) return await SkipOnceAsync(startedBy, ct);
        await _gate.WaitAsync(ct);
        try
        {
            return await RunAloneAsync(startedBy, ct);
        }
        finally
        {
            _gate.Release();
            status.NotifyChanged();
        }
    }

    private async Task<BackupRecord> RunAloneAsync(string startedBy, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await CloseInterruptedAsync(db, ct);
        var folder = Directory;
        var startedAt = await FreeSecondAsync(folder, ct);
        var record = new BackupRecord { StartedAt = startedAt, StartedBy = startedBy, FileName = BackupFiles.NameFor(startedAt) };
        db.Backups.Add(record);
        await db.SaveChangesAsync(ct);
        status.NotifyChanged();

        var staging = Path.Combine(folder, BackupFiles.StagingPrefix + Guid.NewGuid().ToString("N"));
        var partial = Path.Combine(folder, record.FileName + BackupFiles.PartialSuffix);
        try
        {
            var (size, facts) = await WriteVerifiedAsync(db, record, folder, staging, partial, ct);
            record.FinishedAt = time.GetUtcNow();
            record.SizeBytes = size;
            record.Verified = true;
            audit.Add(db, startedBy, Completed, AuditOutcomes.Ok,
                detail: $"{record.FileName}: {BackupFiles.Size(size)}, {facts.Requests} requests, {facts.Tenants} tenants; verified");
            await db.SaveChangesAsync(CancellationToken.None);
            logger.LogInformation("Backup {File} verified: {Size} bytes in {Seconds:0.0} s", record.FileName, size,
                (record.FinishedAt.Value - startedAt).TotalSeconds);
        }
        catch (Exception ex)
        {
            BackupFiles.TryDelete(partial);
            logger.LogError(ex, "Backup into {Folder} failed", folder);
            record.FinishedAt = time.GetUtcNow();
            record.FileName = null;
            record.Error = Trim(ex is OperationCanceledException ? "interrupted: the portal stopped during the backup" : ex.Message);
            audit.Add(db, startedBy, Failed, AuditOutcomes.Failed, detail: $"Backup into {folder} failed: {record.Error}");
            await db.SaveChangesAsync(CancellationToken.None);
            return record;
        }
        finally
        {
            BackupFiles.TryDeleteFolder(staging);
        }

        await PruneAsync(db, folder, startedBy);
        return record;
    }

    private async Task<(long Size, DatabaseFacts Facts)> WriteVerifiedAsync(PortalDbContext db, BackupRecord record, string folder,
        string staging, string partial, CancellationToken ct)
    {
        BackupFiles.CreateOwnerOnlyDirectory(folder);
        BackupFiles.RemoveLeftovers(folder);
        BackupFiles.CreateOwnerOnlyDirectory(staging);
        // Data Protection writes its first key when something is first protected; make sure there is one to copy.
        protection.CreateProtector("TalkdeskPortal.Backups").Protect([1]);

        var snapshot = Path.Combine(staging, BackupArchive.DatabaseEntry);
        var clock = Stopwatch.StartNew();
        await BackupArchive.SnapshotAsync(db.Database.GetConnectionString()!, snapshot, ct);
        var copied = clock.Elapsed;
        var facts = await DatabaseFacts.ReadAsync(snapshot, ct);
        var keysFolder = Path.Combine(DataDirectory, "keys");
        var keys = System.IO.Directory.Exists(keysFolder) ? System.IO.Directory.GetFiles(keysFolder, "*.xml") : [];
        var manifest = new BackupManifest(record.StartedAt, BackupManifest.CurrentPortalVersion, facts.Migration, facts.Requests,
            facts.Tenants, facts.NewestEvent, keys.Length, record.Id);
        BackupArchive.Write(partial, snapshot, keys, manifest);
        var zipped = clock.Elapsed;

        await BackupVerifier.VerifyAsync(partial, Path.Combine(staging, "verify"), ct);
        logger.LogInformation("Backup {File}: snapshot {Snapshot:0.0} s, zip {Zip:0.0} s, verify {Verify:0.0} s", record.FileName,
            copied.TotalSeconds, (zipped - copied).TotalSeconds, (clock.Elapsed - zipped).TotalSeconds);
        var final = Path.Combine(folder, record.FileName!);
        File.Move(partial, final, overwrite: false);
        return (new FileInfo(final).Length, facts);
    }

    private async Task PruneAsync(PortalDbContext db, string folder, string startedBy)
    {
        try
        {
            var verified = await db.Backups.AsNoTracking().Where(b => b.Verified && b.FileName != null)
                .OrderByDescending(b => b.StartedAt).Select(b => b.FileName!).ToListAsync();
            var deleted = BackupPruner.Prune(folder, verified, options.Value.Keep);
            if (deleted.Count == 0) return;
            audit.Add(db, startedBy, Pruned, AuditOutcomes.Ok,
                detail: $"Kept the newest {options.Value.Keep} verified backups; deleted {string.Join(", ", deleted)}");
            await db.SaveChangesAsync();
        }
        catch (Exception ex)
        {
            // The new backup stands; the next run prunes again.
            logger.LogWarning(ex, "Pruning old backups in {Folder} failed", folder);
        }
    }

    // A row left open by a process that stopped mid-backup (or carried over by a restore) never finishes by itself.
    private async Task CloseInterruptedAsync(PortalDbContext db, CancellationToken ct)
    {
        var open = await db.Backups.Where(b => b.FinishedAt == null).ToListAsync(ct);
        if (open.Count == 0) return;
        foreach (var b in open)
        {
            b.FinishedAt = time.GetUtcNow();
            b.FileName = null;
            b.Error = "interrupted: the portal stopped during the backup";
        }
        await db.SaveChangesAsync(ct);
    }

    // Names carry the second; two backups in the same second wait for the next one rather than collide.
    private async Task<DateTimeOffset> FreeSecondAsync(string folder, CancellationToken ct)
    {
        var at = time.GetUtcNow();
        for (var i = 0; i < 3 && File.Exists(Path.Combine(folder, BackupFiles.NameFor(at))); i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(1001 - at.Millisecond), ct);
            at = time.GetUtcNow();
        }
        return at;
    }

    private async Task<BackupRecord> SkipOnceAsync(string startedBy, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var skipped = await db.Backups.AsNoTracking().OrderBy(b => b.Id)
            .FirstOrDefaultAsync(b => b.FinishedAt != null && b.FileName == null && b.Error == null, ct);
        if (skipped is not null) return skipped;
        var now = time.GetUtcNow();
        var record = new BackupRecord { StartedAt = now, FinishedAt = now, StartedBy = startedBy };
        db.Backups.Add(record);
        audit.Add(db, startedBy, Skipped, AuditOutcomes.Skipped,
            detail: "skipped: use pg_dump. On PostgreSQL the portal takes no backup itself; pg_dump includes the key ring (docs/backups.md).");
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Backups skipped on PostgreSQL: use pg_dump (docs/backups.md)");
        status.NotifyChanged();
        return record;
    }

    private static string Trim(string error) => error.Length > 2000 ? error[..2000] : error;
}
