namespace TalkdeskPortal.Tenants;

public sealed class TenantSetting
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public required string Key { get; set; }
    public required string Value { get; set; }
}
