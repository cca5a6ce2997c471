namespace TalkdeskPortal.Tenants.Reconciliation;

/// <summary>What one tenant's reconciliation did.</summary>
public enum ReconcileOutcome
{
    // Talkdesk agrees with the mappings; only ReconciledAt moved.
    InStep,
    // Mappings repaired, audited, announced to the product.
    DriftFixed,
    // Talkdesk refused the stored credentials (or none are stored): flagged, mappings untouched.
    Flagged,
    // A lifecycle request of the account is open, or its lock is held: left for the next run.
    Skipped,
    // A passing error (timeout, 5xx, 429): left for the next run.
    Failed,
    // Not an active installation any more.
    Gone,
}
