using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Backups;
using TalkdeskPortal.Tests.Staff;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Backups;

/// <summary>On PostgreSQL the portal takes no backup itself: it says so once, without an error, and points to pg_dump.</summary>
public sealed class PostgresBackupTests : PortalTestBase
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Staff:BootstrapAdminEmail"] = StaffHttp.AdminEmail;
        settings["Staff:BootstrapAdminPassword"] = StaffHttp.Password;
    }

    [PostgresFact]
    public async Task TheJob_RecordsOneSkipWithoutError_TheEndpointPointsToPgDump_AndHealthStaysHealthy()
    {
        await Portal.Get<BackupJob>().RunAsync("system", CancellationToken.None);
        await Portal.Get<BackupJob>().RunAsync("system", CancellationToken.None); // safe to run twice: still one skip

        await using (var db = Portal.Db())
        {
            var record = await db.Backups.SingleAsync();
            Assert.Equal((null, null, false), (record.Error, record.FileName, record.Verified));
            var skipped = await db.Audit.SingleAsync(a => a.Action == BackupService.Skipped);
            Assert.StartsWith("skipped: use pg_dump", skipped.Detail);
        }
        Assert.False(Directory.Exists(Path.Combine(Portal.DataDirectory, "backups")));

        using var admin = await StaffHttp.SignInAsync(Portal);
        var post = new HttpRequestMessage(HttpMethod.Post, "/operations/backups");
        post.Headers.Add("RequestVerificationToken", await admin.TokenAsync());
        using var response = await admin.Client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("pg_dump", await response.Content.ReadAsStringAsync());

        var report = JsonNode.Parse(await Portal.Http.GetStringAsync("/healthz"))!;
        Assert.Equal("Healthy", report["checks"]!["backup"]!["status"]!.GetValue<string>());
        Assert.Contains("pg_dump", report["checks"]!["backup"]!["description"]!.GetValue<string>());
    }
}
