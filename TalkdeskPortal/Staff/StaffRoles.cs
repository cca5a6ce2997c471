namespace TalkdeskPortal.Staff;

/// <summary>Viewer sees, Approver also decides and retries, Admin also manages staff, policy and jobs.</summary>
public static class StaffRoles
{
    public const string Viewer = "Viewer";
    public const string Approver = "Approver";
    public const string Admin = "Admin";

    public static readonly string[] All = [Viewer, Approver, Admin];

    // Policy names.
    public const string CanDecide = "CanDecide";
    public const string CanAdminister = "CanAdminister";

    public static bool CanDecideAs(System.Security.Claims.ClaimsPrincipal user) => user.IsInRole(Approver) || user.IsInRole(Admin);
}
