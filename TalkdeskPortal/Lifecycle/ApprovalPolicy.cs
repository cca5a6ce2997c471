using Microsoft.Extensions.Options;

namespace TalkdeskPortal.Lifecycle;

public sealed class ApprovalPolicy(IOptionsMonitor<ApprovalOptions> options)
{
    public PolicyVerdict Evaluate(RequestKind kind, int licensedUsers)
    {
        var o = options.CurrentValue;
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
