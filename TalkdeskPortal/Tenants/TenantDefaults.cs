namespace TalkdeskPortal.Tenants;

/// <summary>What a brand-new partner account starts with, so the customer has something useful at once.</summary>
public static class TenantDefaults
{
    public static IEnumerable<TenantSetting> Settings(Tenant tenant, string? adminEmail) =>
    [
        new() { Key = "timezone", Value = tenant.Timezone ?? "UTC" },
        new() { Key = "locale", Value = "en-US" },
        new() { Key = "sample_data", Value = "enabled" },
        new() { Key = "notifications_email", Value = adminEmail ?? "" },
    ];

    public static IEnumerable<ChecklistItem> Checklist() =>
    [
        new() { Order = 1, Title = "Explore the sample data" },
        new() { Order = 2, Title = "Check the licensed users we imported from Talkdesk" },
        new() { Order = 3, Title = "Set your notification email" },
        new() { Order = 4, Title = "Read the getting-started guide" },
    ];
}
