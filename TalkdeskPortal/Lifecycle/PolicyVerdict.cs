namespace TalkdeskPortal.Lifecycle;

/// <summary>What the policy decided and why, in words staff can read.</summary>
public sealed record PolicyVerdict(ApprovalMode Mode, string Reason);
