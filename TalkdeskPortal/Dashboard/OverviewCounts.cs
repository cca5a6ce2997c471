using TalkdeskPortal.Lifecycle;

namespace TalkdeskPortal.Dashboard;

public sealed record OverviewCounts(
    int PendingInstalls,
    int PendingUpdates,
    int PendingUninstalls,
    int AwaitingApproval,
    int Failed,
    int Retrying,
    int ExpiringSoon,
    int Refused);

public sealed record DailyEvents(DateOnly Day, string Type, int Count);

public sealed record CompletionTime(long RequestId, RequestKind Kind, string? Account, double Seconds, DateTimeOffset CompletedAt);
