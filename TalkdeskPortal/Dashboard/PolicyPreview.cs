using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Data;
using TalkdeskPortal.Lifecycle;

namespace TalkdeskPortal.Dashboard;

/// <summary>Which open requests a policy change would treat differently.</summary>
public sealed class PolicyPreview(IDbContextFactory<PortalDbContext> dbFactory, ApprovalPolicy policy, PolicyStore store)
{
    public sealed record Change(long RequestId, RequestKind Kind, string? Account, RequestState State, string Now, string After);

    public async Task<IReadOnlyList<Change>> CompareAsync(ApprovalOptions proposed, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = await db.Requests.AsNoTracking()
            .Where(r => r.State == RequestState.AwaitingApproval || r.State == RequestState.Received || r.State == RequestState.Processing)
            .Where(r => r.Kind == RequestKind.Install || r.Kind == RequestKind.Update || r.Kind == RequestKind.Uninstall)
            .OrderBy(r => r.Id).Take(1000)
            .Select(r => new { r.Id, r.Kind, r.AccountName, r.State, r.LicensedUsers })
            .ToListAsync(ct);
        return open
            .Select(r => (r, now: policy.Evaluate(r.Kind, r.LicensedUsers, store.Current), after: policy.Evaluate(r.Kind, r.LicensedUsers, proposed)))
            .Where(x => x.now.Mode != x.after.Mode)
            .Select(x => new Change(x.r.Id, x.r.Kind, x.r.AccountName, x.r.State, x.now.Mode.ToString(), x.after.Mode.ToString()))
            .ToList();
    }
}
