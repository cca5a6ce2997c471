namespace TalkdeskPortal.Tenants.Reconciliation;

/// <summary>What a run did, tenant by tenant; <see cref="Stopped"/> when the time budget ended it early.</summary>
public sealed record ReconciliationRun(IReadOnlyDictionary<long, ReconcileOutcome> Tenants, bool Stopped, bool AlreadyRunning = false)
{
    public int Count(ReconcileOutcome outcome) => Tenants.Values.Count(o => o == outcome);
}
