using TalkdeskPortal.Dashboard;

namespace TalkdeskPortal.Components.Pages.Queue;

public static class QueueSorting
{
    public static QueueSort From(string? column) => column switch
    {
        nameof(QueueRow.Deadline) => QueueSort.Deadline,
        nameof(QueueRow.AccountName) => QueueSort.Account,
        nameof(QueueRow.State) => QueueSort.State,
        nameof(QueueRow.Kind) => QueueSort.Kind,
        _ => QueueSort.ReceivedAt,
    };
}
