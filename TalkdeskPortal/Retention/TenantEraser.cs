using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Data;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Product;
using TalkdeskPortal.Talkdesk;
using TalkdeskPortal.Tenants;

namespace TalkdeskPortal.Retention;

/// <summary>
/// Removes an uninstalled tenant's personal data: its licensed users (names, emails, Talkdesk ids), the installing
/// admin's contact (also where a setting holds one of those addresses), its requests' payloads, its webhooks' bodies,
/// addresses in its audit, and any credentials left. The tenant row and its settings stay, so a reinstall finds them;
/// Talkdesk sends the users again with the install. Audited; safe to run twice.
/// </summary>
public sealed class TenantEraser(
    RetentionDb dbs,
    PayloadEraser payloads,
    AuditLog audit,
    ITalkdeskTokenProvider tokens,
    IOptionsMonitor<RetentionOptions> options,
    TimeProvider time,
    ILogger<TenantEraser> logger)
{
    public const string RetentionActor = "retention";
    public const string Action = "tenant.personal-data-erased";

    /// <summary>An Admin's erase: now, whatever the retention window; refused for an installed tenant.</summary>
    public async Task<EraseOutcome> EraseNowAsync(long tenantId, string actor, string reason, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) return EraseOutcome.ReasonRequired;
        var outcome = await EraseAsync(tenantId, actor, reason.Trim(), uninstalledBefore: null, ct);
        // As after a retention pass: the log's old frames still hold what was just overwritten.
        if (outcome == EraseOutcome.Erased) await dbs.CheckpointAsync(ct);
        return outcome;
    }

    /// <summary>Retention's erase: only if the tenant is still uninstalled since before <paramref name="uninstalledBefore"/>.</summary>
    public Task<EraseOutcome> EraseExpiredAsync(long tenantId, DateTimeOffset uninstalledBefore, CancellationToken ct = default) =>
        EraseAsync(tenantId, RetentionActor, "Retention:UninstalledTenantAfter passed", uninstalledBefore, ct);

    private async Task<EraseOutcome> EraseAsync(long tenantId, string actor, string reason, DateTimeOffset? uninstalledBefore, CancellationToken ct)
    {
        string account;
        await using (var db = await dbs.ReadAsync(ct))
        {
            var tenant = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId)
                .Select(t => new { t.TalkdeskAccountId, t.Status }).FirstOrDefaultAsync(ct);
            if (tenant is null) return EraseOutcome.NotFound;
            if (tenant.Status != TenantStatus.Uninstalled) return EraseOutcome.Installed;
            account = tenant.TalkdeskAccountId;
            if (await InFlightAsync(db, account, ct)) return EraseOutcome.InFlight;
        }

        await EraseRequestPayloadsAsync(account, ct);
        var outcome = await EraseTenantAsync(tenantId, account, actor, reason, uninstalledBefore, ct);
        if (outcome == EraseOutcome.Erased)
            logger.LogInformation("Personal data of tenant {TenantId} erased by {Actor}", tenantId, actor);
        return outcome;
    }

    // Many requests for a long-lived account: in batches, as the payload retention does.
    private async Task EraseRequestPayloadsAsync(string account, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        while (true)
        {
            List<long> ids;
            await using (var db = await dbs.ReadAsync(ct))
                // Finished ones: CompletedAt is set on entering a final state (the account's index serves this).
                ids = await db.Requests.Where(r => r.AccountId == account && r.PayloadsErasedAt == null && r.CompletedAt != null)
                    .OrderBy(r => r.Id).Select(r => r.Id).Take(settings.BatchSize).ToListAsync(ct);
            var took = System.Diagnostics.Stopwatch.StartNew();
            if (ids.Count == 0 || await payloads.EraseAsync(ids, ct) == 0) return;
            await dbs.BetweenBatchesAsync(settings, took.Elapsed, time, ct);
        }
    }

    private async Task<EraseOutcome> EraseTenantAsync(long tenantId, string account, string actor, string reason,
        DateTimeOffset? uninstalledBefore, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await dbs.OpenAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // The mark is the conditional write that takes the lock: a reinstall that got here first leaves nothing to mark.
        var tenants = db.Tenants.Where(t => t.Id == tenantId && t.Status == TenantStatus.Uninstalled);
        if (uninstalledBefore is { } before)
            tenants = tenants.Where(t => t.UninstalledAt < before && (t.PersonalDataErasedAt == null || t.PersonalDataErasedAt < t.UninstalledAt));
        var marked = await tenants.ExecuteUpdateAsync(s => s
            .SetProperty(t => t.PersonalDataErasedAt, now)
            .SetProperty(t => t.PersonalDataErasedBy, actor)
            .SetProperty(t => t.AdminTalkdeskUserId, (string?)null)
            .SetProperty(t => t.UpdatedAt, now), ct);
        if (marked == 0) return EraseOutcome.Installed;
        if (await InFlightAsync(db, account, ct)) return EraseOutcome.InFlight;

        var emails = await db.TenantUsers.Where(u => u.TenantId == tenantId && u.Email != null).Select(u => u.Email!).ToListAsync(ct);
        var users = await db.TenantUsers.Where(u => u.TenantId == tenantId).ExecuteDeleteAsync(ct);
        var contacts = await BlankContactSettingsAsync(db, tenantId, emails, ct);
        var installations = await db.Credentials.Where(c => c.AccountId == account).Select(c => c.InstallationId).ToListAsync(ct);
        await db.Credentials.Where(c => c.AccountId == account).ExecuteDeleteAsync(ct);
        var deliveries = await db.ProductDeliveries.Where(d => d.AccountId == account).Select(d => d.Id).ToListAsync(ct);
        await PayloadEraser.EraseDeliveriesAsync(db, deliveries, ct);
        await AuditScrub.ScrubAsync(db, db.Audit.Where(a => a.TenantId == tenantId), ct);
        if (uninstalledBefore is null)
        {
            // Events of types the portal does not act on have no request; retention ages them out, an Admin's erase now.
            await db.Events.Where(e => e.AccountId == account && e.Ignored && e.RedactedPayload != PayloadEraser.ErasedJson)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.RedactedPayload, PayloadEraser.ErasedJson), ct);
        }

        audit.Add(db, actor, Action, AuditOutcomes.Ok, tenantId: tenantId, accountId: account,
            detail: $"{reason}. {users} licensed users removed, {contacts} contact settings blanked, {installations.Count} credential sets wiped; settings kept for a reinstall");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        foreach (var installation in installations) tokens.Forget(installation);
        return EraseOutcome.Erased;
    }

    // The admin's address is the default notification email; any setting holding a user's address is blanked, the key kept.
    private static async Task<int> BlankContactSettingsAsync(PortalDbContext db, long tenantId, List<string> emails, CancellationToken ct)
    {
        var addresses = emails.Select(e => e.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var settings = await db.TenantSettings.Where(s => s.TenantId == tenantId).Select(s => new { s.Id, s.Value }).ToListAsync(ct);
        var contacts = settings.Where(s => addresses.Contains(s.Value.Trim())).Select(s => s.Id).ToList();
        return contacts.Count == 0 ? 0 : await db.TenantSettings.Where(s => contacts.Contains(s.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.Value, ""), ct);
    }

    private static async Task<bool> InFlightAsync(PortalDbContext db, string account, CancellationToken ct) =>
        await db.Requests.AnyAsync(r => r.AccountId == account && RequestStates.Open.Contains(r.State), ct)
        || await db.ProductDeliveries.AnyAsync(d => d.AccountId == account
                                                   && (d.State == ProductDeliveryState.Pending || d.State == ProductDeliveryState.Retrying), ct);
}
