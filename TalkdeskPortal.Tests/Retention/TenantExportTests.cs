using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Retention;
using TalkdeskPortal.Tests.Staff;

namespace TalkdeskPortal.Tests.Retention;

/// <summary><c>GET /tenants/{id}/export</c> for a signed-in Admin: the account's data, never a secret.</summary>
public sealed class TenantExportTests : RetentionTestBase
{
    [Fact]
    public async Task Export_HoldsTheTenantsUsersAndRequests_AndNoSecret()
    {
        var installation = Fake.CreateInstallation("exported", userCount: 2);
        await DeliverAsync(Fake.InstalledEvent(installation, Talkdesk.ApiRoot), RequestState.Completed);
        var tenant = await TenantAsync(installation.AccountId);
        string stored;
        await using (var db = Portal.Db())
            stored = (await db.Credentials.SingleAsync(c => c.InstallationId == installation.InstallationId)).Protected;
        using var staff = await StaffHttp.SignInAsync(Portal);

        using var response = await staff.Client.GetAsync($"/tenants/{tenant.Id}/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Matches(@"^tenant-exported-\d{8}T\d{6}Z\.json$", disposition.FileName!.Trim('"'));
        var json = await response.Content.ReadAsStringAsync();
        foreach (var user in installation.Users) Assert.Contains(user.Email, json);
        using var document = JsonDocument.Parse(json);
        var requests = document.RootElement.GetProperty("requests");
        Assert.Equal(1, requests.GetArrayLength());
        Assert.Equal("Install", requests[0].GetProperty("kind").GetString());
        Assert.NotEqual(0, requests[0].GetProperty("timeline").GetArrayLength());
        Assert.True(document.RootElement.GetProperty("installations")[0].GetProperty("credentialsHeld").GetBoolean());
        var credentials = installation.Credentials;
        foreach (var secret in new[] { credentials.ClientSecret, credentials.PrivateKey, stored, stored[..24] })
            Assert.DoesNotContain(secret, json);
        Assert.DoesNotContain("ProtectedCredentials", json, StringComparison.OrdinalIgnoreCase);
        await using (var db = Portal.Db())
            Assert.True(await db.Audit.AnyAsync(a => a.Action == TenantExport.Action && a.Actor == StaffHttp.AdminEmail && a.TenantId == tenant.Id));
    }

    [Fact]
    public async Task Export_OfAnUnknownTenant_IsAProblem404()
    {
        using var staff = await StaffHttp.SignInAsync(Portal);

        using var response = await staff.Client.GetAsync("/tenants/987654/export");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
