namespace TalkdeskPortal.Dashboard;

public sealed record AuditFilter(string? Actor = null, long? TenantId = null, string? Action = null, string? AccountId = null);
