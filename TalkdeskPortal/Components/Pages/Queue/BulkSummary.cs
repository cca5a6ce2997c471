using TalkdeskPortal.Lifecycle;

namespace TalkdeskPortal.Components.Pages.Queue;

/// <summary>What a bulk approve did, counted by outcome (under four eyes some are only first approvals).</summary>
public sealed record BulkSummary(string Message, bool AllSent)
{
    public static BulkSummary For(IReadOnlyCollection<DecisionOutcome> outcomes)
    {
        int Count(DecisionOutcome o) => outcomes.Count(x => x == o);
        var sent = Count(DecisionOutcome.Accepted);
        var parts = new List<string> { $"Approved {sent} of {outcomes.Count} requests" + (sent > 0 ? "; Talkdesk is being told now" : "") };
        if (Count(DecisionOutcome.FirstRecorded) is > 0 and var first)
            parts.Add($"{first} first approval{(first == 1 ? "" : "s")} recorded, waiting for a second approver");
        if (Count(DecisionOutcome.SameApprover) is > 0 and var same)
            parts.Add($"{same} already approved first by you (a different person must give the second)");
        var other = outcomes.Count - sent - Count(DecisionOutcome.FirstRecorded) - Count(DecisionOutcome.SameApprover);
        if (other > 0) parts.Add($"{other} decided by someone else or expired meanwhile");
        return new BulkSummary(string.Join("; ", parts) + ".", sent == outcomes.Count);
    }
}
