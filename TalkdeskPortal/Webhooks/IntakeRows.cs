using TalkdeskPortal.Audit;
using TalkdeskPortal.Lifecycle;

namespace TalkdeskPortal.Webhooks;

/// <summary>
/// The rows a first delivery adds: the event, the delivery, the lifecycle request (none for an ignored type) and
/// the audit line. Built on the delivery's own thread, credentials already encrypted, so the writer only writes.
/// </summary>
public sealed record IntakeRows(ReceivedEvent Event, EventDelivery Delivery, LifecycleRequest? Request, AuditEntry Audit);
