namespace TalkdeskPortal.Staff;

public static class StaffSchemes
{
    public const string Staff = "Staff";
    public const string Sso = "Staff.Sso";
    public const string SsoCookieName = "TalkdeskPortal.Sso";
}
