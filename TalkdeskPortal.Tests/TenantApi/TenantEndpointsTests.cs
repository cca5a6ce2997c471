using System.Net;
using System.Text.Json.Nodes;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Product.Events;

namespace TalkdeskPortal.Tests.TenantApi;

public sealed class TenantEndpointsTests : TenantApiTestBase
{
    [Fact]
    public async Task GoodKey_GetsTheTenant_WithPlanAdminSettings_AndItsUsers()
    {
        var installation = await InstallAsync("acme", users: 3);
        var api = Api(await CreateKeyAsync());

        using var response = await api.GetAsync($"/api/v1/tenants/{installation.AccountId}");
        var tenant = await JsonAsync(response);
        Assert.Equal(TenantKeys.For(installation.AccountId), tenant["tenant_id"]!.GetValue<string>());
        Assert.Equal(installation.AccountId, tenant["talkdesk_account_id"]!.GetValue<string>());
        Assert.Equal("acme", tenant["account_name"]!.GetValue<string>());
        Assert.Equal(installation.CompanyName, tenant["company_name"]!.GetValue<string>());
        Assert.Equal("active", tenant["status"]!.GetValue<string>());
        Assert.Equal(installation.InstallationId, tenant["installation_id"]!.GetValue<string>());
        Assert.Equal(Fake.AppId, tenant["app_id"]!.GetValue<string>());
        Assert.Equal(installation.PlanName, tenant["plan"]!["name"]!.GetValue<string>());
        Assert.Equal(installation.TotalLicenses, tenant["plan"]!["licenses"]!.GetValue<int>());
        var admin = installation.Users.Single(u => u.Id == installation.AdminUserId);
        Assert.Equal(admin.Id, tenant["admin_user"]!["talkdesk_user_id"]!.GetValue<string>());
        Assert.Equal(admin.Email, tenant["admin_user"]!["email"]!.GetValue<string>());
        Assert.Equal(3, tenant["licensed_users"]!.GetValue<int>());
        Assert.NotNull(tenant["installed_at"]);
        Assert.Null(tenant["uninstalled_at"]);
        foreach (var name in new[] { "timezone", "created_at", "updated_at" }) Assert.True(tenant.ContainsKey(name), name);
        Assert.Equal("en-US", tenant["settings"]!["locale"]!.GetValue<string>());

        using var usersResponse = await api.GetAsync($"/api/v1/tenants/{installation.AccountId}/users");
        var users = (await JsonAsync(usersResponse))["items"]!.AsArray();
        Assert.Equal(installation.Users.Select(u => u.Id).Order(), users.Select(u => u!["talkdesk_user_id"]!.GetValue<string>()).Order());
        var first = users.Single(u => u!["talkdesk_user_id"]!.GetValue<string>() == admin.Id)!;
        Assert.True(first["licensed"]!.GetValue<bool>());
        Assert.True(first["is_admin"]!.GetValue<bool>());
        Assert.Equal(admin.Name, first["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_PagesAndFiltersByStatus_AndRefusesBadValuesWithProblems()
    {
        var acme = await InstallAsync("acme");
        await InstallAsync("globex");
        var initech = await InstallAsync("initech");
        await DeliverAsync(Fake.UninstalledEvent(initech, Talkdesk.ApiRoot), RequestState.Completed);
        var api = Api(await CreateKeyAsync());

        var page1 = await JsonAsync(await api.GetAsync("/api/v1/tenants?page=1&pageSize=2"));
        Assert.Equal(3, page1["total"]!.GetValue<int>());
        Assert.Equal(1, page1["page"]!.GetValue<int>());
        Assert.Equal(2, page1["page_size"]!.GetValue<int>());
        Assert.Equal(["acme", "globex"], Names(page1));
        Assert.Equal(acme.AccountId, page1["items"]![0]!["talkdesk_account_id"]!.GetValue<string>());
        Assert.Equal(["initech"], Names(await JsonAsync(await api.GetAsync("/api/v1/tenants?page=2&pageSize=2"))));
        Assert.Empty(Names(await JsonAsync(await api.GetAsync("/api/v1/tenants?page=3&pageSize=2"))));

        var uninstalled = await JsonAsync(await api.GetAsync("/api/v1/tenants?status=uninstalled"));
        Assert.Equal(["initech"], Names(uninstalled));
        Assert.Equal(1, uninstalled["total"]!.GetValue<int>());
        Assert.Equal("uninstalled", uninstalled["items"]![0]!["status"]!.GetValue<string>());
        Assert.NotNull(uninstalled["items"]![0]!["uninstalled_at"]);
        Assert.Equal(["acme", "globex"], Names(await JsonAsync(await api.GetAsync("/api/v1/tenants?status=active"))));
        Assert.Equal(50, (await JsonAsync(await api.GetAsync("/api/v1/tenants")))["page_size"]!.GetValue<int>());

        foreach (var query in new[] { "page=0", "page=abc", "pageSize=0", "pageSize=201", "pageSize=-5", "status=deleted" })
        {
            var problem = await ProblemAsync(await api.GetAsync($"/api/v1/tenants?{query}"), HttpStatusCode.BadRequest);
            Assert.Contains(query.Split('=')[0], problem["detail"]!.GetValue<string>());
        }
        Assert.Equal(2, (await JsonAsync(await api.GetAsync("/api/v1/tenants?pageSize=200&status=active")))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task UserLookup_NamesTheTenant_AndUnknownIdsAre404Problems()
    {
        var installation = await InstallAsync("acme");
        var api = Api(await CreateKeyAsync());
        var user = installation.Users[1];

        var found = await JsonAsync(await api.GetAsync($"/api/v1/users/{user.Id}"));
        Assert.Equal(user.Id, found["talkdesk_user_id"]!.GetValue<string>());
        Assert.Equal(user.Email, found["email"]!.GetValue<string>());
        Assert.True(found["licensed"]!.GetValue<bool>());
        Assert.False(found["is_admin"]!.GetValue<bool>());
        Assert.Equal(TenantKeys.For(installation.AccountId), found["tenant"]!["tenant_id"]!.GetValue<string>());
        Assert.Equal(installation.AccountId, found["tenant"]!["talkdesk_account_id"]!.GetValue<string>());
        Assert.Equal("acme", found["tenant"]!["account_name"]!.GetValue<string>());
        Assert.Equal("active", found["tenant"]!["status"]!.GetValue<string>());

        await ProblemAsync(await api.GetAsync("/api/v1/users/nobody"), HttpStatusCode.NotFound);
        await ProblemAsync(await api.GetAsync("/api/v1/tenants/nobody"), HttpStatusCode.NotFound);
        await ProblemAsync(await api.GetAsync("/api/v1/tenants/nobody/users"), HttpStatusCode.NotFound);
    }

    private static string[] Names(JsonObject page) =>
        page["items"]!.AsArray().Select(t => t!["account_name"]!.GetValue<string>()).ToArray();
}
