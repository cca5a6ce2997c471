namespace TalkdeskPortal.Dashboard;

public enum QueueSort
{
    ReceivedAt,
    Deadline,
    Account,
    State,
    Kind,
}
