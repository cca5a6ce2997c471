namespace TalkdeskPortal.Tenants;

/// <summary>A step of the welcome checklist a new tenant gets, so it is useful at once.</summary>
public sealed class ChecklistItem
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public int Order { get; set; }
    public required string Title { get; set; }
    public bool Done { get; set; }
}
