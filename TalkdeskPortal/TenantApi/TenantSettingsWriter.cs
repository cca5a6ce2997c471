using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Data;

namespace TalkdeskPortal.TenantApi;

/// <summary>
/// Replaces a tenant's settings (the ones kept across uninstall and reinstall) with what the product sent: a key kept
/// is updated in place, a key left out is deleted, a new key is added; one transaction with its audit entry.
/// </summary>
public sealed class TenantSettingsWriter(IDbContextFactory<PortalDbContext> dbs, AuditLog audit, TimeProvider time)
{
    public const string Action = "tenant.settings-replaced";

    /// <summary>The settings as saved, or null when no tenant has this Talkdesk account id.</summary>
    public async Task<IReadOnlyDictionary<string, string>?> ReplaceAsync(string accountId, IReadOnlyDictionary<string, string> settings,
        string actor, CancellationToken ct)
    {
        // Two PUTs adding the same new key at once: the loser hits the unique (tenant, key) index, re-reads and
        // replaces again, so the last writer wins as PUT promises instead of answering 500.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryReplaceAsync(accountId, settings, actor, ct);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
            }
        }
    }

    private async Task<IReadOnlyDictionary<string, string>?> TryReplaceAsync(string accountId, IReadOnlyDictionary<string, string> settings,
        string actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tenant = await db.Tenants.Include(t => t.Settings).FirstOrDefaultAsync(t => t.TalkdeskAccountId == accountId, ct);
        if (tenant is null) return null;

        var before = tenant.Settings.ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        foreach (var gone in tenant.Settings.Where(s => !settings.ContainsKey(s.Key)).ToList()) db.TenantSettings.Remove(gone);
        foreach (var (key, value) in settings)
        {
            if (tenant.Settings.FirstOrDefault(s => s.Key == key) is { } existing) existing.Value = value;
            else tenant.Settings.Add(new() { Key = key, Value = value });
        }
        tenant.UpdatedAt = time.GetUtcNow();

        var added = settings.Keys.Count(k => !before.ContainsKey(k));
        var removed = before.Keys.Count(k => !settings.ContainsKey(k));
        var changed = settings.Count(kv => before.TryGetValue(kv.Key, out var old) && old != kv.Value);
        // Keys only: a value may be anything the product keeps, so the audit trail does not copy it.
        audit.Add(db, actor, Action, AuditOutcomes.Ok, tenant: tenant, accountId: accountId,
            detail: $"{settings.Count} settings ({added} added, {changed} changed, {removed} removed): {string.Join(", ", settings.Keys.Order())}");
        await db.SaveChangesAsync(ct);
        return settings.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
    }
}
