using System.Net;
using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.TenantApi;

namespace TalkdeskPortal.Tests.TenantApi;

public sealed class SettingsEndpointTests : TenantApiTestBase
{
    [Fact]
    public async Task PutSettings_ReplacesThemAll_IsAudited_AndKeepsThemAcrossUninstallAndReinstall()
    {
        var installation = await InstallAsync("acme");
        var api = Api(await CreateKeyAsync("crm-sync"));
        var path = $"/api/v1/tenants/{installation.AccountId}/settings";

        var saved = await JsonAsync(await api.PutAsync(path, Json("""{"locale":"pt-PT","crm.region":"eu-west:1","empty":""}""")));
        Assert.Equal(["crm.region", "empty", "locale"], saved.Select(kv => kv.Key).ToArray());
        Assert.Equal("pt-PT", saved["locale"]!.GetValue<string>());

        var tenant = await TenantAsync(installation.AccountId);
        Assert.Equal(new Dictionary<string, string> { ["locale"] = "pt-PT", ["crm.region"] = "eu-west:1", ["empty"] = "" },
            tenant.Settings.ToDictionary(s => s.Key, s => s.Value));
        await using (var db = Portal.Db())
        {
            var entry = await db.Audit.AsNoTracking().SingleAsync(a => a.Action == TenantSettingsWriter.Action);
            Assert.Equal("api:crm-sync", entry.Actor);
            Assert.Equal(tenant.Id, entry.TenantId);
            Assert.DoesNotContain("eu-west:1", entry.Detail);
        }

        await DeliverAsync(Fake.UninstalledEvent(installation, Talkdesk.ApiRoot), RequestState.Completed);
        var again = Fake.Reinstall(installation);
        await DeliverAsync(Fake.InstalledEvent(again, Talkdesk.ApiRoot), RequestState.Completed);

        var reinstalled = await JsonAsync(await api.GetAsync($"/api/v1/tenants/{installation.AccountId}"));
        Assert.Equal("active", reinstalled["status"]!.GetValue<string>());
        Assert.Equal(3, reinstalled["settings"]!.AsObject().Count);
        Assert.Equal("eu-west:1", reinstalled["settings"]!["crm.region"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""["a","b"]""", "body")]
    [InlineData("\"text\"", "body")]
    [InlineData("""{"locale": 5}""", "locale")]
    [InlineData("""{"locale": null}""", "locale")]
    [InlineData("""{"nested": {"a": "b"}}""", "nested")]
    [InlineData("""{"has space": "x"}""", "has space")]
    [InlineData("""{"": "x"}""", "(empty key)")]
    [InlineData("""{"a": "x", "a": "y"}""", "a")]
    [InlineData("{not json", null)]
    [InlineData("", null)]
    public async Task PutSettings_Invalid_Is400NamingTheProblem_AndChangesNothing(string body, string? named)
    {
        var installation = await InstallAsync("acme");
        var before = (await TenantAsync(installation.AccountId)).Settings.ToDictionary(s => s.Key, s => s.Value);
        var api = Api(await CreateKeyAsync());

        var problem = await ProblemAsync(await api.PutAsync($"/api/v1/tenants/{installation.AccountId}/settings", Json(body)), HttpStatusCode.BadRequest);
        if (named is not null) Assert.True(problem["errors"]!.AsObject().ContainsKey(named), problem.ToJsonString());
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()));
        Assert.Equal(before, (await TenantAsync(installation.AccountId)).Settings.ToDictionary(s => s.Key, s => s.Value));
    }

    [Fact]
    public async Task PutSettings_TooManyKeys_OrTooLongAValue_Is400()
    {
        var installation = await InstallAsync("acme");
        var api = Api(await CreateKeyAsync());
        var path = $"/api/v1/tenants/{installation.AccountId}/settings";
        var many = "{" + string.Join(",", Enumerable.Range(0, 201).Select(i => $"\"k{i}\":\"v\"")) + "}";
        await ProblemAsync(await api.PutAsync(path, Json(many)), HttpStatusCode.BadRequest);
        var problem = await ProblemAsync(await api.PutAsync(path, Json($$"""{"long":"{{new string('x', 2001)}}"}""")), HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().ContainsKey("long"));
        var exactly = "{" + string.Join(",", Enumerable.Range(0, 200).Select(i => $"\"k{i}\":\"{new string('v', 2000)}\"")) + "}";
        Assert.Equal(200, (await JsonAsync(await api.PutAsync(path, Json(exactly)))).Count);
    }

    [Fact]
    public async Task PutSettings_UnknownTenant_Is404Problem()
    {
        var api = Api(await CreateKeyAsync());
        var problem = await ProblemAsync(await api.PutAsync("/api/v1/tenants/nobody/settings", Json("""{"a":"b"}""")), HttpStatusCode.NotFound);
        Assert.Contains("nobody", problem["detail"]!.GetValue<string>());
    }
}
