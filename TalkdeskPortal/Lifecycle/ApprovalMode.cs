namespace TalkdeskPortal.Lifecycle;

public enum ApprovalMode
{
    Auto,
    Manual,
}
