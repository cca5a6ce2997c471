using TalkdeskPortal.Tenants;

namespace TalkdeskPortal.Audit;

/// <summary>One step or decision: when, who (system or staff), what, outcome. Never a secret.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string Outcome { get; set; }
    public long? RequestId { get; set; }
    public long? TenantId { get; set; }

    // Set for a tenant not yet saved, so its new id reaches the entry on the same save.
    public Tenant? Tenant { get; set; }
    public string? EventId { get; set; }
    public string? AccountId { get; set; }
    public string? Detail { get; set; }
}
