using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Data;

namespace TalkdeskPortal.Lifecycle;

/// <summary>
/// The approval policy in force: the row an Admin saved, else configuration. Kept in memory, so the
/// workflow reads it without a query; saving updates both.
/// </summary>
public sealed class PolicyStore(IDbContextFactory<PortalDbContext> dbFactory, IOptionsMonitor<ApprovalOptions> defaults, AuditLog audit, TimeProvider time)
{
    private volatile ApprovalOptions? _saved;
    private volatile bool _loaded;

    public ApprovalOptions Current => _saved ?? defaults.CurrentValue;

    public string? UpdatedBy { get; private set; }
    public DateTimeOffset? UpdatedAt { get; private set; }

    public async Task LoadAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Policy.AsNoTracking().OrderBy(p => p.Id).FirstOrDefaultAsync(ct);
        _saved = row?.ToOptions();
        (UpdatedBy, UpdatedAt) = (row?.UpdatedBy, row?.UpdatedAt);
        _loaded = true;
    }

    public async Task EnsureLoadedAsync(CancellationToken ct = default)
    {
        if (!_loaded) await LoadAsync(ct);
    }

    public async Task SaveAsync(ApprovalOptions policy, string actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Policy.OrderBy(p => p.Id).FirstOrDefaultAsync(ct);
        if (row is null) db.Policy.Add(row = new PolicySettings());
        row.Install = policy.Install;
        row.Update = policy.Update;
        row.Uninstall = policy.Uninstall;
        row.ManualAboveLicensedUsers = policy.ManualAboveLicensedUsers;
        row.RequireTwoApprovers = policy.RequireTwoApprovers;
        row.UpdatedBy = actor;
        row.UpdatedAt = time.GetUtcNow();
        audit.Add(db, actor, "policy.changed", AuditOutcomes.Ok,
            detail: $"Install {policy.Install}, Update {policy.Update}, Uninstall {policy.Uninstall}, manual above {policy.ManualAboveLicensedUsers?.ToString() ?? "no limit"} licensed users, "
                    + (policy.RequireTwoApprovers ? "two approvers for staff decisions" : "one approver for staff decisions"));
        await db.SaveChangesAsync(ct);
        _saved = row.ToOptions();
        (UpdatedBy, UpdatedAt) = (row.UpdatedBy, row.UpdatedAt);
    }
}
