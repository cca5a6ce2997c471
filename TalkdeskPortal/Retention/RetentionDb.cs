using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Data;

namespace TalkdeskPortal.Retention;

/// <summary>
/// Contexts for erasing. SQLite keeps deleted and overwritten bytes in free space and in old write-ahead-log frames:
/// each purge connection sets <c>secure_delete</c> (what it frees is zeroed), and a truncating checkpoint after a
/// purge copies the log into the file and empties it. PostgreSQL needs neither (see docs/retention.md).
/// </summary>
public sealed class RetentionDb(IDbContextFactory<PortalDbContext> factory, ILogger<RetentionDb> logger)
{
    private const int CheckpointTries = 5;

    /// <summary>
    /// A context for one batch's writes. On SQLite its connection is its own (not pooled, so its settings go with it):
    /// <c>secure_delete</c>, and <c>synchronous = NORMAL</c>, so a commit does not wait for the disk while it holds the
    /// write lock that intake waits for. A power cut may lose the last batches; the next pass erases them again, and
    /// the truncating checkpoint at the end of a pass syncs the file.
    /// </summary>
    public async Task<PortalDbContext> OpenAsync(CancellationToken ct)
    {
        var db = await factory.CreateDbContextAsync(ct);
        if (db.Database.IsSqlite())
        {
            var connection = db.Database.GetDbConnection();
            connection.ConnectionString = new SqliteConnectionStringBuilder(connection.ConnectionString) { Pooling = false }.ToString();
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA secure_delete = ON; PRAGMA synchronous = NORMAL;", ct);
        }
        return db;
    }

    /// <summary>A plain context for reads that choose what to erase.</summary>
    public Task<PortalDbContext> ReadAsync(CancellationToken ct) => factory.CreateDbContextAsync(ct);

    /// <summary>
    /// Between two batches: the purge copies its own log frames into the file (a passive checkpoint, which waits for
    /// nobody), so it is not an intake commit that crosses SQLite's auto-checkpoint threshold and pays for that copy;
    /// then it rests at least <c>BatchPause</c> and at least as long as the batch took, so it never holds the write
    /// lock more than half of the time.
    /// </summary>
    public async Task BetweenBatchesAsync(RetentionOptions settings, TimeSpan batchTook, TimeProvider time, CancellationToken ct)
    {
        var rest = batchTook > settings.BatchPause ? batchTook : settings.BatchPause;
        var checkpoint = System.Diagnostics.Stopwatch.StartNew();
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE);", ct);
        }
        // The checkpoint takes no write lock: its time counts as rest.
        if (rest > checkpoint.Elapsed) await Task.Delay(rest - checkpoint.Elapsed, time, ct);
    }

    /// <summary>
    /// Empties SQLite's write-ahead log into the file (TRUNCATE). Busy while a reader holds an old snapshot, so it is
    /// tried a few times; true when the log is empty. Nothing to do on PostgreSQL.
    /// </summary>
    public async Task<bool> CheckpointAsync(CancellationToken ct)
    {
        for (var attempt = 1; attempt <= CheckpointTries; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            if (!db.Database.IsSqlite()) return true;
            await db.Database.OpenConnectionAsync(ct);
            if (await TruncateAsync(db.Database.GetDbConnection(), ct)) return true;
            await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), ct);
        }
        logger.LogWarning("The write-ahead log could not be truncated after the purge ({Tries} tries, readers busy); the next purge tries again", CheckpointTries);
        return false;
    }

    // The pragma answers one row: busy (1 when it could not finish), log frames, frames checkpointed.
    private static async Task<bool> TruncateAsync(DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) && reader.GetInt64(0) == 0;
    }
}
