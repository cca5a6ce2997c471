namespace TalkdeskPortal.Lifecycle;

/// <summary>Decides whether a request is approved automatically or waits for staff, and says why.</summary>
public sealed class ApprovalPolicy(PolicyStore store)
{
    public PolicyVerdict Evaluate(RequestKind kind, int licensedUsers, ApprovalOptions? policy = null)
    {
        var o = policy ?? store.Current;
        var (mode, noun) = kind switch
        {
            RequestKind.Install => (o.Install, "installs"),
            RequestKind.Update => (o.Update, "updates"),
            RequestKind.Uninstall => (o.Uninstall, "uninstalls"),
            _ => (ApprovalMode.Auto, "these events"),
        };
        if (mode == ApprovalMode.Manual)
            return new(ApprovalMode.Manual, $"Policy: {noun} wait for staff approval.");
        if (kind != RequestKind.Uninstall && o.ManualAboveLicensedUsers is { } limit && licensedUsers > limit)
            return new(ApprovalMode.Manual, $"Rule: {licensedUsers} licensed users exceed the limit of {limit} for automatic approval.");
        return new(ApprovalMode.Auto, $"Policy: {noun} are approved automatically.");
    }
}
