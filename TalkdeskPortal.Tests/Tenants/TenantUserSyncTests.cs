using TalkdeskPortal.Talkdesk;
using TalkdeskPortal.Tenants;

namespace TalkdeskPortal.Tests.Tenants;

public sealed class TenantUserSyncTests
{
    private static Tenant NewTenant() => new() { TalkdeskAccountId = "acc-1", AccountName = "acme" };

    // A user moved between pages while Talkdesk was being paged appears twice; the later page is the newer copy.
    private static readonly TalkdeskUser[] Paged =
    [
        new("u1", "old@acme.example", "Old Name", true, null),
        new("u2", "two@acme.example", "Two", true, null),
        new("u1", "new@acme.example", "New Name", false, null),
    ];

    [Fact]
    public void Replace_WithAUserOnTwoPages_KeepsOneMapping_AndTheLaterCopyWins()
    {
        var tenant = NewTenant();

        TenantUserSync.Replace(tenant, Paged, admin: null);

        Assert.Equal(["u1", "u2"], tenant.Users.Select(u => u.TalkdeskUserId).Order());
        var u1 = tenant.Users.Single(u => u.TalkdeskUserId == "u1");
        Assert.Equal("new@acme.example", u1.Email);
        Assert.False(u1.Active);
    }

    [Fact]
    public void Apply_WithAUserOnTwoPages_AddsThemOnce_FromTheLaterCopy()
    {
        var tenant = NewTenant();

        var (added, removed) = TenantUserSync.Apply(tenant, ["u1"], [], Paged);

        Assert.Equal((1, 0), (added, removed));
        Assert.Equal("New Name", Assert.Single(tenant.Users).Name);
    }
}
