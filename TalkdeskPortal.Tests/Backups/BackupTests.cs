using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Backups;
using TalkdeskPortal.Tests.Staff;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Backups;

public sealed class BackupTests : PortalTestBase
{
    private string? _backupDirectory;
    private int _keep = 14;

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Staff:BootstrapAdminEmail"] = StaffHttp.AdminEmail;
        settings["Staff:BootstrapAdminPassword"] = StaffHttp.Password;
        settings["Backup:Keep"] = _keep.ToString();
        if (_backupDirectory is not null) settings["Backup:Directory"] = _backupDirectory;
    }

    public override Task InitializeAsync() => Task.CompletedTask;

    private async Task StartAsync(string? backupDirectory = null, int keep = 14)
    {
        (_backupDirectory, _keep) = (backupDirectory, keep);
        await base.InitializeAsync();
    }

    [SqliteFact]
    public async Task ABackup_IsOneOwnerOnlyZip_WithTheDatabaseKeysAndManifest_VerifiedAndAudited()
    {
        await StartAsync();
        await InstallAsync("boxed");
        var backups = Portal.Get<BackupService>();

        var record = await backups.RunAsync("admin@test.example");

        Assert.Null(record.Error);
        Assert.True(record.Verified);
        Assert.Matches(@"^portal-\d{8}-\d{6}Z\.zip$", record.FileName);
        var zip = Path.Combine(Portal.DataDirectory, "backups", record.FileName!);
        Assert.Equal(new FileInfo(zip).Length, record.SizeBytes);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(zip));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(zip)!));
        var entries = BackupFilesOnDisk.Entries(zip);
        Assert.Contains("portal.db", entries);
        Assert.Contains("backup.json", entries);
        Assert.Contains(entries, e => e.StartsWith("keys/key-", StringComparison.Ordinal) && e.EndsWith(".xml", StringComparison.Ordinal));
        var manifest = BackupFilesOnDisk.Manifest(zip);
        Assert.Equal((1, 1), (manifest.Requests, manifest.Tenants));
        Assert.Equal(record.Id, manifest.BackupId);
        // The newest schema migration this build knows, whatever it is called.
        using (var model = TalkdeskPortal.Tests.Support.TestProvider.Open(TalkdeskPortal.Tests.Support.TestData.NewDirectory()))
            Assert.Equal(Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetMigrations(model.Database).Last(), manifest.Migration);
        Assert.Equal([record.FileName!], BackupFilesOnDisk.Names(Path.GetDirectoryName(zip)!)); // no .partial, no staging left
        await using var db = Portal.Db();
        Assert.Single(await db.Audit.Where(a => a.Action == BackupService.Completed && a.Actor == "admin@test.example").ToListAsync());
    }

    [SqliteFact]
    public async Task KeepTwo_AfterThreeBackups_LeavesTheNewestTwoFiles_AndNothingElseIsTouched()
    {
        var folder = TestData.NewDirectory();
        await File.WriteAllTextAsync(Path.Combine(folder, "notes.txt"), "mine");
        await File.WriteAllTextAsync(Path.Combine(folder, "portal-old.zip"), "not a backup name");
        await StartAsync(folder, keep: 2);
        var backups = Portal.Get<BackupService>();

        var records = new List<BackupRecord>();
        for (var i = 0; i < 3; i++) records.Add(await backups.RunAsync("system"));

        Assert.All(records, r => Assert.True(r.Verified, r.Error));
        Assert.Equal(3, records.Select(r => r.FileName).Distinct().Count());
        Assert.Equal(["notes.txt", .. records.Skip(1).Select(r => r.FileName!), "portal-old.zip"], BackupFilesOnDisk.Names(folder));
        await using var db = Portal.Db();
        var pruned = await db.Audit.SingleAsync(a => a.Action == BackupService.Pruned);
        Assert.Contains(records[0].FileName!, pruned.Detail);
    }

    [SqliteFact]
    public async Task ABackupIntoAnUnwritableDirectory_IsRecordedAndAuditedAsFailed_HealthSaysDegraded_AndTheLifecycleGoesOn()
    {
        await StartAsync("/dev/null/backups"); // a path under a file: not even root can create it
        using var admin = await StaffHttp.SignInAsync(Portal);
        var post = new HttpRequestMessage(HttpMethod.Post, "/operations/backups");
        post.Headers.Add("RequestVerificationToken", await admin.TokenAsync());

        using var response = await admin.Client.SendAsync(post);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Backup failed", problem["title"]!.GetValue<string>());
        await using (var db = Portal.Db())
        {
            var record = await db.Backups.SingleAsync();
            Assert.False(record.Verified);
            Assert.NotNull(record.Error);
            Assert.NotNull(record.FinishedAt);
            Assert.Equal(StaffHttp.AdminEmail, record.StartedBy);
            Assert.Single(await db.Audit.Where(a => a.Action == BackupService.Failed && a.Outcome == "failed").ToListAsync());
        }

        var health = await Portal.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var report = JsonNode.Parse(await health.Content.ReadAsStringAsync())!;
        Assert.Equal("Degraded", report["status"]!.GetValue<string>());
        Assert.Equal("Degraded", report["checks"]!["backup"]!["status"]!.GetValue<string>());
        Assert.StartsWith("The last backup failed", report["checks"]!["backup"]!["description"]!.GetValue<string>());
        Assert.Equal("Healthy", report["checks"]!["database"]!["status"]!.GetValue<string>());

        // The scheduled job hands the failure to Hangfire's retries; the lifecycle never notices.
        await Assert.ThrowsAsync<BackupFailedException>(() => Portal.Get<BackupJob>().RunAsync("system", CancellationToken.None));
        var installation = await InstallAsync("still-served");
        Assert.Equal(1, DecisionsFor(installation));
    }

    [SqliteFact]
    public async Task BackUpNow_NeedsTheAntiforgeryToken()
    {
        await StartAsync();
        using var admin = await StaffHttp.SignInAsync(Portal);

        using var response = await admin.Client.PostAsync("/operations/backups", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = Portal.Db();
        Assert.Equal(0, await db.Backups.CountAsync());
    }
}
