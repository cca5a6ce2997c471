using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Data;

namespace TalkdeskPortal.Backups;

/// <summary>The backup rows as staff and the health check read them, and a signal when one starts or ends.</summary>
public sealed class BackupStatus(IDbContextFactory<PortalDbContext> dbs)
{
    public event Action? Changed;

    internal void NotifyChanged() => Changed?.Invoke();

    /// <summary>The newest attempt, running or finished.</summary>
    public async Task<BackupRecord?> LastAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Backups.AsNoTracking().OrderByDescending(b => b.Id).FirstOrDefaultAsync(ct);
    }

    public async Task<BackupRecord?> LastFinishedAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Backups.AsNoTracking().Where(b => b.FinishedAt != null).OrderByDescending(b => b.Id).FirstOrDefaultAsync(ct);
    }

    public async Task<BackupRecord?> LastVerifiedAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Backups.AsNoTracking().Where(b => b.Verified).OrderByDescending(b => b.Id).FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<BackupRecord>> RecentAsync(int count, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Backups.AsNoTracking().OrderByDescending(b => b.Id).Take(count).ToListAsync(ct);
    }
}
