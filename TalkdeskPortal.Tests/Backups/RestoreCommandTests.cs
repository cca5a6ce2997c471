using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Backups;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Backups;

/// <summary>The restore command as a process: a folder that holds a portal is refused, or kept aside with --force; bad input changes nothing.</summary>
[Collection(PortalCollection.Name)]
public sealed class RestoreCommandTests
{
    [SqliteFact]
    public async Task Restore_RefusesAFolderHoldingAPortal_UnlessForced_ThenKeepsTheOldOneAside()
    {
        var zip = await TakeBackupAsync("kept");
        var target = Path.Combine(TestData.NewDirectory(), "restored"); // does not exist yet

        var first = await RestoreProcess.RunAsync("--from", zip, "--data", target);

        Assert.Equal((0, ""), (first.ExitCode, first.Error));
        Assert.Equal($"restored {zip} into {target}: 1 requests, 1 tenants, newest event ", first.Output[..^20]);
        Assert.Matches(@"newest event \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", first.Output);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(target, "keys")));
        await using (var db = TestDatabase.Open(target))
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.True((await db.Backups.SingleAsync()).Verified); // the backup's own row, open in its snapshot, is closed by restore
            Assert.Single(await db.Audit.Where(a => a.Action == "backup.restored").ToListAsync());
        }
        var before = BackupFilesOnDisk.Fingerprint(target);

        var refused = await RestoreProcess.RunAsync("--from", zip, "--data", target);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("already holds a portal (portal.db, keys)", refused.Error);
        Assert.Contains("--force", refused.Error);
        Assert.Equal("", refused.Output);
        Assert.Equal(before, BackupFilesOnDisk.Fingerprint(target));

        var notABackup = Path.Combine(TestData.NewDirectory(), "portal-20260101-000000Z.zip");
        await File.WriteAllTextAsync(notABackup, "this is not a zip");
        var bad = await RestoreProcess.RunAsync("--from", notABackup, "--data", target, "--force");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("not a usable backup", bad.Error);
        Assert.Equal(before, BackupFilesOnDisk.Fingerprint(target));
        Assert.Equal(1, (await RestoreProcess.RunAsync("--data", target)).ExitCode); // no --from

        var forced = await RestoreProcess.RunAsync("--from", zip, "--data", target, "--force");

        Assert.Equal(0, forced.ExitCode);
        Assert.StartsWith($"restored {zip} into {target}: 1 requests, 1 tenants", forced.Output);
        var aside = Directory.GetFileSystemEntries(target, "*.before-restore-*").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, aside.Count);
        Assert.Matches(@"^keys\.before-restore-\d{8}-\d{6}Z$", aside[0]);
        Assert.Matches(@"^portal\.db\.before-restore-\d{8}-\d{6}Z$", aside[1]);
        Assert.Equal(before["portal.db"], BackupFilesOnDisk.Fingerprint(target)[aside[1]!]); // the old database, byte for byte
        Assert.Contains("kept aside", forced.Error);
        Assert.True(File.Exists(Path.Combine(target, "portal.db")));
    }

    private static async Task<string> TakeBackupAsync(string account)
    {
        await using var talkdesk = await FakeTalkdeskHost.StartAsync();
        await using var portal = PortalApp.Start(talkdesk);
        var installation = talkdesk.Fake.CreateInstallation(account);
        var evt = talkdesk.Fake.InstalledEvent(installation, talkdesk.ApiRoot);
        await portal.PostEventAsync(evt);
        await portal.WaitForStateAsync(PortalApp.EventId(evt), TalkdeskPortal.Lifecycle.RequestState.Completed);
        var record = await portal.Get<BackupService>().RunAsync("system");
        Assert.True(record.Verified, record.Error);
        // Outside the portal's folder, as an operator copies it off the machine.
        var copy = Path.Combine(TestData.NewDirectory(), record.FileName!);
        File.Copy(Path.Combine(portal.DataDirectory, "backups", record.FileName!), copy);
        return copy;
    }
}
