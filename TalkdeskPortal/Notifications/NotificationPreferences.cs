using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Data;

namespace TalkdeskPortal.Notifications;

/// <summary>A staff member's opt-outs, one row per reason they do not want ("My notifications").</summary>
public sealed class NotificationPreferences(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<HashSet<NotificationReason>> OptedOutAsync(string staffUserId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var reasons = await db.NotificationOptOuts.AsNoTracking().Where(o => o.StaffUserId == staffUserId).Select(o => o.Reason).ToListAsync(ct);
        return [.. reasons];
    }

    public async Task SetAsync(string staffUserId, NotificationReason reason, bool wanted, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (wanted)
        {
            await db.NotificationOptOuts.Where(o => o.StaffUserId == staffUserId && o.Reason == reason).ExecuteDeleteAsync(ct);
            return;
        }
        if (await db.NotificationOptOuts.AnyAsync(o => o.StaffUserId == staffUserId && o.Reason == reason, ct)) return;
        db.NotificationOptOuts.Add(new NotificationOptOut { StaffUserId = staffUserId, Reason = reason });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same switch saved twice (two tabs): the row is there, which is what was asked.
            await using var check = await dbFactory.CreateDbContextAsync(ct);
            if (!await check.NotificationOptOuts.AnyAsync(o => o.StaffUserId == staffUserId && o.Reason == reason, ct)) throw;
        }
    }
}
