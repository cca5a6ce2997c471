using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Tenants.Reconciliation;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Tenants;

/// <summary>A portal whose reconciliation runs only when a test starts it, unpaced enough for tests.</summary>
public abstract class ReconciliationTestBase : PortalTestBase
{
    protected override void Configure(Dictionary<string, string?> settings) => Reconciliation(settings);

    public static void Reconciliation(Dictionary<string, string?> settings)
    {
        settings["Reconciliation:Cron"] = "";
        settings["Reconciliation:MaxPerMinute"] = "6000";
    }

    protected Task<ReconciliationRun> RunAsync() => Portal.Get<LicensedUserReconciliation>().RunAsync(CancellationToken.None);

    protected async Task<List<AuditEntry>> AuditAsync(long tenantId, string action)
    {
        await using var db = Portal.Db();
        return await db.Audit.AsNoTracking().Where(a => a.TenantId == tenantId && a.Action == action).ToListAsync();
    }
}
