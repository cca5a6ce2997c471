namespace TalkdeskPortal.Tenants;

public enum TenantStatus
{
    Active,
    Uninstalled,
}
