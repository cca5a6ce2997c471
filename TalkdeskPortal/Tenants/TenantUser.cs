namespace TalkdeskPortal.Tenants;

/// <summary>Maps a licensed Talkdesk user to the partner account.</summary>
public sealed class TenantUser
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public required string TalkdeskUserId { get; set; }
    public string? Email { get; set; }
    public string? Name { get; set; }
    public bool Active { get; set; }
    public bool IsAdmin { get; set; }
}
