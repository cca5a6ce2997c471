namespace TalkdeskPortal.Lifecycle;

/// <summary>The approval policy as an Admin last saved it (one row); configuration gives the defaults.</summary>
public sealed class PolicySettings
{
    public int Id { get; set; } = 1;
    public ApprovalMode Install { get; set; }
    public ApprovalMode Update { get; set; }
    public ApprovalMode Uninstall { get; set; }
    public int? ManualAboveLicensedUsers { get; set; }
    public bool RequireTwoApprovers { get; set; }
    public string? UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public ApprovalOptions ToOptions() => new()
    {
        Install = Install, Update = Update, Uninstall = Uninstall, ManualAboveLicensedUsers = ManualAboveLicensedUsers,
        RequireTwoApprovers = RequireTwoApprovers,
    };
}
