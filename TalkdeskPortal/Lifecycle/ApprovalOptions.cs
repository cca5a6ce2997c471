using System.ComponentModel.DataAnnotations;

namespace TalkdeskPortal.Lifecycle;

/// <summary>The <c>Approval</c> section: who decides each kind of request.</summary>
public sealed class ApprovalOptions
{
    public const string Section = "Approval";

    public ApprovalMode Install { get; set; } = ApprovalMode.Auto;
    public ApprovalMode Update { get; set; } = ApprovalMode.Auto;
    public ApprovalMode Uninstall { get; set; } = ApprovalMode.Auto;

    // Installs and updates with more licensed users than this wait for staff, whatever the mode says.
    [Range(0, int.MaxValue)]
    public int? ManualAboveLicensedUsers { get; set; }

    // Four eyes: a staff approve (and every staff reject) needs two different people; the first is recorded, the
    // second sends. Automatic approvals are unaffected.
    public bool RequireTwoApprovers { get; set; }
}
