using Bunit;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using TalkdeskPortal.Backups;
using TalkdeskPortal.Components.Pages.Overview;
using TalkdeskPortal.Data;
using TalkdeskPortal.Staff;

namespace TalkdeskPortal.Tests.Components;

public sealed class BackupCardTests : ComponentTestBase
{
    private readonly Enqueued _jobs = new();

    public BackupCardTests()
    {
        Services.AddSingleton<BackupStatus>();
        Services.AddOptions<BackupOptions>();
        Services.AddOptions<StorageOptions>();
        Services.AddSingleton<IBackgroundJobClient>(_jobs);
    }

    [Fact]
    public void AViewer_SeesNoBackupCard()
    {
        SignInAs("viewer", StaffRoles.Viewer);

        var cut = Render<BackupCard>();

        Assert.Empty(cut.FindAll("[data-test=backup-card]"));
    }

    [Fact]
    public void AnAdmin_SeesTheLastBackupsFailure_AndBackUpNowQueuesTheJob()
    {
        SignInAs("admin", StaffRoles.Admin);
        var at = DateTimeOffset.UtcNow;
        using (var db = Db())
        {
            db.Backups.Add(new BackupRecord { StartedAt = at.AddDays(-1), FinishedAt = at.AddDays(-1), FileName = "portal-20261129-030000Z.zip", SizeBytes = 3 * 1024 * 1024, Verified = true, StartedBy = "system" });
            db.Backups.Add(new BackupRecord { StartedAt = at, FinishedAt = at, Error = "Not a directory : '/dev/null/backups'", StartedBy = "system" });
            db.SaveChanges();
        }

        var cut = Render<BackupCard>();

        cut.WaitForAssertion(() => Assert.Contains("failed: Not a directory", cut.Find("[data-test=last-backup]").TextContent));
        Assert.Contains("Scheduled: 0 3 * * * (UTC); the newest 14 are kept.", cut.Find("[data-test=backup-schedule]").TextContent);
        cut.Find("[data-test=back-up-now]").Click();
        cut.WaitForAssertion(() => Assert.Equal("RunAsync admin", Assert.Single(_jobs.Jobs)));
    }

    [Fact]
    public void AVerifiedBackup_ReadsAsTimeSizeAndVerified()
    {
        SignInAs("admin", StaffRoles.Admin);
        var at = new DateTimeOffset(2026, 11, 30, 3, 0, 5, TimeSpan.Zero);
        using (var db = Db())
        {
            db.Backups.Add(new BackupRecord { StartedAt = at, FinishedAt = at, FileName = "portal-20261130-030000Z.zip", SizeBytes = 12_900_000, Verified = true, StartedBy = "system" });
            db.SaveChanges();
        }

        var cut = Render<BackupCard>(p => p.AddCascadingValue(new TalkdeskPortal.Components.Shared.ViewerTime(TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata"))));

        cut.WaitForAssertion(() => Assert.Equal("Last backup: 2026-11-30 08:30 (Asia/Kolkata), 12.9 MB, verified ✓",
            string.Join(" ", cut.Find("[data-test=last-backup]").TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries))));
    }

    private sealed class Enqueued : IBackgroundJobClient
    {
        public List<string> Jobs { get; } = [];

        public string Create(Job job, IState state)
        {
            Jobs.Add($"{job.Method.Name} {job.Args[0]}");
            return Guid.NewGuid().ToString("N");
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => true;
    }
}
