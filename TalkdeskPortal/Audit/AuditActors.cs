namespace TalkdeskPortal.Audit;

public static class AuditActors
{
    public const string System = "system";
    public const string Talkdesk = "talkdesk";
}
