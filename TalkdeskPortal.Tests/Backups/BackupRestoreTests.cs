using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Tests.Staff;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Backups;

/// <summary>
/// The disk is lost: a backup taken while installs arrive, restored into a new folder by the restore command, and a
/// new portal process on it that still holds the same requests and tenants and can still use the stored credentials.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class BackupRestoreTests
{
    private static readonly Dictionary<string, string> Admin = new()
    {
        ["Staff:BootstrapAdminEmail"] = StaffHttp.AdminEmail,
        ["Staff:BootstrapAdminPassword"] = StaffHttp.Password,
    };

    [SqliteFact]
    public async Task ABackupTakenDuring200Installs_RestoresIntoANewFolder_WhereANewPortalApprovesAnUpdateWithTheRestoredKeys()
    {
        await using var talkdesk = await FakeTalkdeskHost.StartAsync();
        var data = TestData.NewDirectory();
        var before = talkdesk.Fake.CreateInstallation("provisioned-before");
        var burst = Enumerable.Range(0, 200).Select(i => talkdesk.Fake.CreateInstallation($"burst{i:D3}")).ToList();
        var bodies = burst.Select(i => talkdesk.Fake.InstalledEvent(i, talkdesk.ApiRoot).ToJsonString()).ToList();
        var acknowledged = new ConcurrentBag<string>();

        string zip;
        int acknowledgedAtBackup;
        await using (var first = await PortalProcess.StartAsync(talkdesk, data, settings: Admin))
        {
            using var http = new HttpClient { BaseAddress = first.BaseUri, Timeout = TimeSpan.FromSeconds(30) };
            await PostAsync(http, talkdesk.Fake.InstalledEvent(before, talkdesk.ApiRoot).ToJsonString());
            await WaitAsync(data, db => db.Requests.AnyAsync(r => r.InstallationId == before.InstallationId && r.State == RequestState.Completed));
            using var admin = await StaffHttp.SignInAsync(first.BaseUri);
            var token = await admin.TokenAsync();

            var sending = Task.WhenAll(bodies.Select(async (body, n) =>
            {
                await Task.Delay(n * 20); // 200 installs over 4 s
                if (await PostAsync(http, body)) acknowledged.Add(body);
            }));
            while (acknowledged.Count < 60) await Task.Delay(5);
            acknowledgedAtBackup = acknowledged.Count;
            var post = new HttpRequestMessage(HttpMethod.Post, "/operations/backups");
            post.Headers.Add("RequestVerificationToken", token);
            using var response = await admin.Client.SendAsync(post);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Created, body);
            var record = JsonNode.Parse(body)!;
            Assert.True(record["verified"]!.GetValue<bool>());
            zip = Path.Combine(data, "backups", record["fileName"]!.GetValue<string>());
            await sending;
        }
        Assert.InRange(acknowledgedAtBackup, 60, 199); // the backup started while installs were still arriving
        Assert.Equal(200, acknowledged.Count);
        var manifest = BackupFilesOnDisk.Manifest(zip);
        Assert.InRange(manifest.Requests, 61, 201);

        var restored = Path.Combine(TestData.NewDirectory(), "new-disk");
        var restore = await RestoreProcess.RunAsync("--from", zip, "--data", restored);
        Assert.True(restore.ExitCode == 0, restore.Error);
        Assert.StartsWith($"restored {zip} into {restored}: {manifest.Requests} requests, {manifest.Tenants} tenants, newest event 20", restore.Output);

        // What the backup held, as of the backup: read before the new portal starts working on it.
        List<string> eventsInBackup;
        List<string> accountsInBackup;
        await using (var db = TestDatabase.Open(restored))
        {
            eventsInBackup = await db.Requests.Select(r => r.EventId).ToListAsync();
            accountsInBackup = await db.Tenants.Select(t => t.TalkdeskAccountId).ToListAsync();
        }
        Assert.Equal(manifest.Requests, eventsInBackup.Count);
        Assert.Equal(manifest.Tenants, accountsInBackup.Count);
        Assert.Contains(before.AccountId, accountsInBackup);

        await using var second = await PortalProcess.StartAsync(talkdesk, restored, settings: Admin);
        using (var http = new HttpClient { BaseAddress = second.BaseUri, Timeout = TimeSpan.FromSeconds(30) })
        {
            var update = talkdesk.Fake.UpdatedEvent(before, talkdesk.ApiRoot, addingUserIds: [talkdesk.Fake.AddUser(before).Id]);
            Assert.True(await PostAsync(http, update.ToJsonString()));
            var updateId = update["id"]!.GetValue<string>();
            await WaitAsync(restored, db => db.Requests.AnyAsync(r => r.EventId == updateId && r.State == RequestState.Completed));
        }
        // Two approves for the installation: its install (first portal) and the update, sent with credentials that
        // the new portal decrypted with the restored key ring.
        Assert.Equal(2, talkdesk.Fake.Decisions.Count(d => d.InstallationId == before.InstallationId && d.State == "approve"));
        await using (var db = TestDatabase.Open(restored))
        {
            var events = await db.Requests.Select(r => r.EventId).ToListAsync();
            Assert.Subset(events.ToHashSet(), eventsInBackup.ToHashSet()); // nothing of the backup lost
            Assert.Equal(eventsInBackup.Count + 1, events.Count); // only the update came since
            Assert.Subset((await db.Tenants.Select(t => t.TalkdeskAccountId).ToListAsync()).ToHashSet(), accountsInBackup.ToHashSet());
        }
    }

    private static async Task<bool> PostAsync(HttpClient http, string body)
    {
        using var response = await http.PostAsync("webhooks/talkdesk", new StringContent(body, Encoding.UTF8, "application/json"));
        return response.StatusCode == HttpStatusCode.Accepted;
    }

    private static async Task WaitAsync(string data, Func<TalkdeskPortal.Data.PortalDbContext, Task<bool>> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            await using (var db = TestDatabase.Open(data))
                if (await done(db)) return;
            await Task.Delay(100);
        }
        throw new TimeoutException("The portal did not get there in 30 s.");
    }
}
