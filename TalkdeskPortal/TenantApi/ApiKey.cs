namespace TalkdeskPortal.TenantApi;

/// <summary>
/// A key the partner's product uses on the tenant API. Only its SHA-256 hash is stored; the key itself is shown
/// once, when it is created. <see cref="Prefix"/> (the first characters) lets staff tell keys apart.
/// </summary>
public sealed class ApiKey
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string Prefix { get; set; }
    public required string Hash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}
