using Hangfire;

namespace TalkdeskPortal.Tenants.Reconciliation;

/// <summary>Recurring (<c>Reconciliation:Cron</c>): re-reads every active installation's licensed users and repairs the mappings.</summary>
public sealed class ReconciliationJob(LicensedUserReconciliation reconciliation)
{
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Reconcile licensed users with Talkdesk")]
    public Task RunAsync(CancellationToken cancellationToken) => reconciliation.RunAsync(cancellationToken);
}
