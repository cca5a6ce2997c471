using TalkdeskPortal.Data;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Tenants;

namespace TalkdeskPortal.Audit;

/// <summary>Appends audit entries to the caller's context, so they commit with the change they describe.</summary>
public sealed class AuditLog(TimeProvider time)
{
    public void Add(PortalDbContext db, string actor, string action, string outcome, LifecycleRequest? request = null,
        long? tenantId = null, string? detail = null, string? eventId = null, string? accountId = null, Tenant? tenant = null)
    {
        db.Audit.Add(Entry(actor, action, outcome, request, tenantId, detail, eventId, accountId, tenant));
    }

    /// <summary>An entry not yet added to any context, for writers that insert rows themselves.</summary>
    public AuditEntry Entry(string actor, string action, string outcome, LifecycleRequest? request = null,
        long? tenantId = null, string? detail = null, string? eventId = null, string? accountId = null, Tenant? tenant = null)
    {
        return new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = actor,
            Action = action,
            Outcome = outcome,
            RequestId = request?.Id is > 0 ? request.Id : null,
            TenantId = tenantId ?? (tenant?.Id is > 0 ? tenant.Id : null),
            Tenant = tenant is { Id: 0 } ? tenant : null,
            EventId = eventId ?? request?.EventId,
            AccountId = accountId ?? request?.AccountId,
            Detail = detail is { Length: > 2000 } ? detail[..2000] : detail,
        };
    }
}
