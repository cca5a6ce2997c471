using TalkdeskPortal.Lifecycle;

namespace TalkdeskPortal.Dashboard;

/// <summary>What staff narrowed the queue to. Null means any.</summary>
public sealed record QueueFilter
{
    public RequestKind? Kind { get; init; }
    public RequestState? State { get; init; }
    // Pending = anything not finished (received, processing, retrying, awaiting approval, deciding, failed).
    public bool PendingOnly { get; init; }
    public bool ExpiringSoon { get; init; }
    public string? Search { get; init; }
}
