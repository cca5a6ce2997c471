using TalkdeskPortal.Staff;

namespace TalkdeskPortal.Tests.Staff;

public sealed class OidcRoleMapTests
{
    [Fact]
    public void AGroupNamedLikeARole_GrantsNothing_WithoutAMapEntry()
    {
        var oidc = new OidcOptions { RoleMap = { ["td-approvers"] = StaffRoles.Approver } };

        Assert.Empty(oidc.PortalRoles(["Admin", "Approver", "everyone"]));
        Assert.Equal([StaffRoles.Approver], oidc.PortalRoles(["Admin", "td-approvers"]));
    }

    [Fact]
    public void AcceptRoleNamesAsIs_KeepsTheOldBehaviour_WhenSwitchedOn()
    {
        var oidc = new OidcOptions { AcceptRoleNamesAsIs = true, RoleMap = { ["td-approvers"] = StaffRoles.Approver } };

        Assert.Equal([StaffRoles.Admin, StaffRoles.Approver], oidc.PortalRoles(["Admin", "td-approvers", "everyone"]));
    }

    [Fact]
    public void AMapEntry_ToSomethingNotARole_GrantsNothing()
    {
        var oidc = new OidcOptions { RoleMap = { ["td-admins"] = "Superuser" } };

        Assert.Empty(oidc.PortalRoles(["td-admins"]));
    }
}
