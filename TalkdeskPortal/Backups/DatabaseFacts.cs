using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Data;

namespace TalkdeskPortal.Backups;

/// <summary>What a SQLite portal database file holds, read from the file itself (a snapshot, or a restored copy).</summary>
public sealed record DatabaseFacts(string? Migration, int Requests, int Tenants, DateTimeOffset? NewestEvent)
{
    public static async Task<DatabaseFacts> ReadAsync(string databasePath, CancellationToken ct = default)
    {
        await using var db = Open(databasePath);
        var migration = (await db.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault();
        var requests = await db.Requests.CountAsync(ct);
        var tenants = await db.Tenants.CountAsync(ct);
        var newest = await db.Events.OrderByDescending(e => e.FirstReceivedAt).Select(e => (DateTimeOffset?)e.FirstReceivedAt).FirstOrDefaultAsync(ct);
        return new DatabaseFacts(migration, requests, tenants, newest);
    }

    /// <summary>A context on one file, unpooled so the file is closed when the context goes.</summary>
    public static PortalDbContext Open(string databasePath) =>
        new(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite(ConnectionString(databasePath)).Options);

    public static string ConnectionString(string databasePath, SqliteOpenMode mode = SqliteOpenMode.ReadWriteCreate) =>
        new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false, Mode = mode }.ToString();
}
