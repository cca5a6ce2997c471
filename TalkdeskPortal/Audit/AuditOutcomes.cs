namespace TalkdeskPortal.Audit;

public static class AuditOutcomes
{
    public const string Ok = "ok";
    public const string Failed = "failed";
    public const string Skipped = "skipped";
    public const string Waiting = "waiting";
    public const string Refused = "refused";
}
