using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Data;

namespace TalkdeskPortal.TenantApi;

/// <summary>The authentication side of API keys: find one by its hash, and note its use at most once a minute.</summary>
public sealed class ApiKeyStore(IDbContextFactory<PortalDbContext> dbs)
{
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<ApiKey?> FindAsync(string hash, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Hash == hash, ct);
    }

    // A conditional update, so concurrent calls with one key write once between them.
    public async Task TouchAsync(ApiKey key, DateTimeOffset now, CancellationToken ct)
    {
        var before = now - LastUsedResolution;
        if (key.LastUsedAt is { } last && last > before) return;
        await using var db = await dbs.CreateDbContextAsync(ct);
        await db.ApiKeys.Where(k => k.Id == key.Id && (k.LastUsedAt == null || k.LastUsedAt <= before))
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), ct);
    }
}
