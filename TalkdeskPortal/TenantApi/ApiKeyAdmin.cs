using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Data;

namespace TalkdeskPortal.TenantApi;

/// <summary>What Admins do with API keys: list, create (the key is returned once, only its hash kept), revoke.</summary>
public sealed class ApiKeyAdmin(IDbContextFactory<PortalDbContext> dbs, AuditLog audit, TimeProvider time)
{
    public const string CreatedAction = "api-key.created";
    public const string RevokedAction = "api-key.revoked";
    public const int MaxNameLength = 100;

    public sealed record Created(ApiKey Row, string Key);

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.ApiKeys.AsNoTracking().OrderBy(k => k.RevokedAt != null).ThenByDescending(k => k.Id).ToListAsync(ct);
    }

    public async Task<Created> CreateAsync(string name, DateTimeOffset? expiresAt, string actor, CancellationToken ct = default)
    {
        name = name.Trim();
        if (name.Length is 0 or > MaxNameLength) throw new ArgumentException($"A key's name has 1 to {MaxNameLength} characters.", nameof(name));
        var key = ApiKeyMaterial.NewKey();
        var row = new ApiKey
        {
            Name = name, Prefix = ApiKeyMaterial.Prefix(key), Hash = ApiKeyMaterial.Hash(key),
            CreatedAt = time.GetUtcNow(), CreatedBy = actor, ExpiresAt = expiresAt,
        };
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.ApiKeys.Add(row);
        audit.Add(db, actor, CreatedAction, AuditOutcomes.Ok,
            detail: $"{name} ({row.Prefix}…){(expiresAt is { } e ? $", expires {e:u}" : "")}");
        await db.SaveChangesAsync(ct);
        return new Created(row, key);
    }

    /// <summary>False when the key was already revoked (or does not exist); nothing is written then.</summary>
    public async Task<bool> RevokeAsync(long id, string actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id && k.RevokedAt == null, ct);
        if (key is null) return false;
        key.RevokedAt = time.GetUtcNow();
        key.RevokedBy = actor;
        audit.Add(db, actor, RevokedAction, AuditOutcomes.Ok, detail: $"{key.Name} ({key.Prefix}…)");
        await db.SaveChangesAsync(ct);
        return true;
    }
}
