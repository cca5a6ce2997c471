using TalkdeskPortal.Audit;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Webhooks;

namespace TalkdeskPortal.Dashboard;

/// <summary>Everything the Request page shows: the row, its event (redacted), deliveries and timeline.</summary>
public sealed record RequestDetail(
    LifecycleRequest Request,
    ReceivedEvent? Event,
    IReadOnlyList<EventDelivery> Deliveries,
    IReadOnlyList<AuditEntry> Timeline,
    long? TenantId);
