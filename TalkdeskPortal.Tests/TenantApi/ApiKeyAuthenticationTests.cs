using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.TenantApi;
using TalkdeskPortal.Tests.Staff;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.TenantApi;

public sealed class ApiKeyAuthenticationTests : TenantApiTestBase
{
    private const string BootstrapKey = "tdp_bootstrap-key-for-automation-0123456789abcdef";

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Staff:BootstrapAdminEmail"] = StaffHttp.AdminEmail;
        settings["Staff:BootstrapAdminPassword"] = StaffHttp.Password;
        settings["Product:BootstrapApiKey"] = BootstrapKey;
    }

    [Fact]
    public async Task NoKey_WrongKey_RevokedKey_AndExpiredKey_Get401ProblemWithBearerChallenge()
    {
        var installation = await InstallAsync("acme");
        var path = $"/api/v1/tenants/{installation.AccountId}";
        var revoked = await CreateKeyAsync("old");
        var keys = Portal.Get<ApiKeyAdmin>();
        Assert.True(await keys.RevokeAsync((await keys.ListAsync()).Single(k => k.Name == "old").Id, "test"));
        var expired = await CreateKeyAsync("temporary", DateTimeOffset.UtcNow.AddMinutes(-1));

        foreach (var (key, why) in new (string?, string?)[]
                 {
                     (null, null), ("tdp_" + new string('x', 43), "not known"), (revoked, "revoked"), (expired, "expired"),
                 })
        {
            using var response = await Api(key).GetAsync(path);
            var problem = await ProblemAsync(response, HttpStatusCode.Unauthorized);
            Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString());
            if (why is not null) Assert.Contains(why, problem["detail"]!.GetValue<string>());
            Assert.DoesNotContain("acme", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Key_IsStoredOnlyAsAHash_NowhereInTheDatabaseFiles()
    {
        var key = await CreateKeyAsync("product");
        using (var response = await Api(key).GetAsync("/api/v1/tenants")) Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await using (var db = Portal.Db())
        {
            var row = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Name == "product");
            Assert.Equal(ApiKeyMaterial.Hash(key), row.Hash);
            Assert.True(key.StartsWith(row.Prefix, StringComparison.Ordinal) && row.Prefix.Length < 16);
            var columns = new[] { row.Name, row.Prefix, row.Hash, row.CreatedBy, row.RevokedBy };
            Assert.DoesNotContain(columns, c => c is not null && c.Contains(key[12..], StringComparison.Ordinal));
            Assert.NotNull(row.LastUsedAt);
        }
        var secret = Encoding.UTF8.GetBytes(key[12..]); // all but the displayed prefix
        foreach (var file in Directory.EnumerateFiles(Portal.DataDirectory, "*", SearchOption.AllDirectories))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            Assert.True(copy.ToArray().AsSpan().IndexOf(secret) < 0, $"the key is in clear in {file}");
        }
        Assert.DoesNotContain(key[12..], Portal.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LastUsedAt_IsWrittenOnceAMinute_NotOnEveryCall()
    {
        var key = await CreateKeyAsync("product");
        var client = Api(key);
        using (var first = await client.GetAsync("/api/v1/tenants")) Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        DateTimeOffset? firstUse;
        await using (var db = Portal.Db()) firstUse = (await db.ApiKeys.SingleAsync(k => k.Name == "product")).LastUsedAt;
        Assert.NotNull(firstUse);
        await Task.Delay(20);
        for (var i = 0; i < 3; i++)
            using (var again = await client.GetAsync("/api/v1/tenants")) Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await using (var db = Portal.Db()) Assert.Equal(firstUse, (await db.ApiKeys.SingleAsync(k => k.Name == "product")).LastUsedAt);
    }

    [Fact]
    public async Task StaffCookie_Alone_Gets401OnTheApi()
    {
        await InstallAsync("acme");
        using var staff = await StaffHttp.SignInAsync(Portal);
        using (var page = await staff.Client.GetAsync("/tenants")) Assert.Equal(HttpStatusCode.OK, page.StatusCode); // the cookie works on pages
        using var response = await staff.Client.GetAsync("/api/v1/tenants");
        await ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Key_Alone_DoesNotSignInToStaffPages()
    {
        var key = await CreateKeyAsync("product");
        var client = Api(key);
        using (var api = await client.GetAsync("/api/v1/tenants")) Assert.Equal(HttpStatusCode.OK, api.StatusCode); // the key works on the API
        foreach (var page in new[] { "/", "/tenants", "/api-keys", TenantApiServiceCollectionExtensions.ReferencePath })
        {
            using var response = await client.GetAsync(page);
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.Unauthorized,
                $"{page}: {response.StatusCode}");
            if (response.Headers.Location is { } location) Assert.Contains("/account/login", location.ToString());
        }
    }

    [Fact]
    public async Task BootstrapKey_Works_AndIsNotDuplicatedOnRestart()
    {
        var installation = await InstallAsync("acme");
        using (var response = await Api(BootstrapKey).GetAsync($"/api/v1/tenants/{installation.AccountId}"))
            Assert.Equal("acme", (await JsonAsync(response))["account_name"]!.GetValue<string>());

        var dataDirectory = Portal.DataDirectory;
        await Portal.DisposeAsync();
        Portal = PortalApp.Start(Talkdesk, Configure, dataDirectory);

        using (var response = await Api(BootstrapKey).GetAsync($"/api/v1/tenants/{installation.AccountId}"))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = Portal.Db();
        var rows = await db.ApiKeys.AsNoTracking().ToListAsync();
        var bootstrap = Assert.Single(rows);
        Assert.Equal(ApiKeyBootstrap.Name, bootstrap.Name);
        Assert.Equal(ApiKeyMaterial.Hash(BootstrapKey), bootstrap.Hash);
    }
}
