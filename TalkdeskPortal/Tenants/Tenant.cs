namespace TalkdeskPortal.Tenants;

/// <summary>A partner account, one per Talkdesk account; it outlives uninstalls so a reinstall gets it back.</summary>
public sealed class Tenant
{
    public long Id { get; set; }
    public required string TalkdeskAccountId { get; set; }
    public required string AccountName { get; set; }
    public string? CompanyName { get; set; }
    public string? Timezone { get; set; }
    public TenantStatus Status { get; set; }
    public string? AppId { get; set; }
    public string? InstallationId { get; set; }
    public string? AdminTalkdeskUserId { get; set; }
    public string? SubscriptionType { get; set; }
    public string? SubscriptionName { get; set; }
    public int? Licenses { get; set; }
    public string? TrialState { get; set; }
    public DateTimeOffset? TrialExpiresAt { get; set; }
    public int InstallCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? InstalledAt { get; set; }
    public DateTimeOffset? UninstalledAt { get; set; }

    // created_at of the newest event applied, so an older event delivered late cannot undo a newer one.
    public DateTimeOffset? LastEventAt { get; set; }
    // Licensed-user reconciliation: when Talkdesk was last read back, what drift it fixed, and whether it could read at all.
    public DateTimeOffset? ReconciledAt { get; set; }
    public DateTimeOffset? DriftFixedAt { get; set; }
    public int DriftAdded { get; set; }
    public int DriftRemoved { get; set; }
    public string? ReconcileError { get; set; }
    // Retention or an Admin's erase removed the licensed users' names and emails and the admin's contact (settings stay).
    public DateTimeOffset? PersonalDataErasedAt { get; set; }
    public string? PersonalDataErasedBy { get; set; }

    public List<TenantUser> Users { get; set; } = [];
    public List<TenantSetting> Settings { get; set; } = [];
    public List<ChecklistItem> Checklist { get; set; } = [];
}
