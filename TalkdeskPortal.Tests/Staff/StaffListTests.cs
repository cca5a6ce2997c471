using TalkdeskPortal.Staff;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Staff;

public sealed class StaffListTests : PortalTestBase
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Staff:BootstrapAdminEmail"] = StaffHttp.AdminEmail;
        settings["Staff:BootstrapAdminPassword"] = StaffHttp.Password;
        settings["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
    }

    [Fact]
    public async Task UsersList_IsOneQuery_WhateverTheNumberOfStaff_WithEachOnesRoleAndLockOut()
    {
        var staff = Portal.Get<StaffAdmin>();
        foreach (var n in Enumerable.Range(0, 6))
            Assert.Empty(await staff.CreateAsync($"person{n}@test.example", null, StaffHttp.Password, n % 2 == 0 ? StaffRoles.Viewer : StaffRoles.Approver, "test"));
        var locked = (await staff.ListAsync()).Single(m => m.Email == "person1@test.example");
        await staff.LockAsync(locked.Id, StaffHttp.AdminEmail);

        var before = Commands();
        var members = await staff.ListAsync();
        var queries = Commands() - before;

        Assert.Equal(1, queries);
        Assert.Equal(7, members.Count);
        Assert.Equal(StaffRoles.Admin, members.Single(m => m.Email == StaffHttp.AdminEmail).Role);
        Assert.Equal(StaffRoles.Approver, members.Single(m => m.Email == "person3@test.example").Role);
        Assert.Equal(StaffRoles.Viewer, members.Single(m => m.Email == "person4@test.example").Role);
        Assert.True(members.Single(m => m.Email == "person1@test.example").LockedOut);
        Assert.False(members.Single(m => m.Email == "person3@test.example").LockedOut);
    }

    private int Commands() => Portal.Logs.Lines.Count(l => l.Contains("Executed DbCommand"));
}
