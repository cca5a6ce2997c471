using TalkdeskPortal.Audit;
using TalkdeskPortal.Product;
using TalkdeskPortal.Tenants;

namespace TalkdeskPortal.Retention;

/// <summary>
/// Everything the portal holds about one Talkdesk account, for the customer who asks: the tenant with its users,
/// settings and checklist, its installations, every request with its event and timeline, the webhooks sent to the
/// product, and the rest of its audit. Never a secret: no credentials (not even encrypted), tokens or keys.
/// </summary>
public sealed record TenantExportDocument(
    DateTimeOffset ExportedAt,
    string ExportedBy,
    Tenant Tenant,
    IReadOnlyList<ExportedInstallation> Installations,
    IReadOnlyList<ExportedRequest> Requests,
    IReadOnlyList<ExportedEvent> IgnoredEvents,
    IReadOnlyList<ProductDelivery> ProductDeliveries,
    IReadOnlyList<AuditEntry> Audit);
