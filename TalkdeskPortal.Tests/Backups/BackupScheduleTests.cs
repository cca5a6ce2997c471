using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TalkdeskPortal.Backups;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Backups;

public sealed class BackupScheduleTests
{
    [Theory]
    [InlineData("0 3 * * *", 24)]
    [InlineData("0 */6 * * *", 6)]
    [InlineData("0 3 * * 1-5", 72)] // Friday to Monday
    [InlineData("0 0 3 * * *", 24)] // Hangfire's six fields, seconds first
    [InlineData("@hourly", 1)]
    public void ThePeriod_IsTheLongestGapBetweenScheduledBackups(string cron, int hours)
    {
        var schedule = new BackupSchedule(Options.Create(new BackupOptions { Cron = cron }), new FakeTimeProvider(DateTimeOffset.Parse("2026-11-30T10:00:00Z")));

        Assert.Equal(TimeSpan.FromHours(hours), schedule.Period());
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("0 3 * * *", true)]
    [InlineData("every night", false)]
    [InlineData("0 25 * * *", false)]
    public void TheCron_IsValidatedAtStart(string cron, bool valid)
    {
        var results = new BackupOptions { Cron = cron }.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(new object()));

        Assert.Equal(valid, !results.Any());
    }

    [Fact]
    public void Pruning_KeepsTheNewestVerified_AndDeletesOnlyOlderBackupNames()
    {
        var folder = TestData.NewDirectory();
        string[] names = ["portal-20261101-030000Z.zip", "portal-20261102-030000Z.zip", "portal-20261103-030000Z.zip", "portal-20261104-030000Z.zip"];
        foreach (var name in names.Append("portal-20261001-030000Z.zip.partial").Append("other.zip")) File.WriteAllText(Path.Combine(folder, name), "x");

        // The newest file was never verified (it is not in the list): it stays, and does not count towards Keep.
        var deleted = BackupPruner.Prune(folder, [names[2], names[1], names[0]], keep: 2);

        Assert.Equal([names[0]], deleted);
        Assert.Equal(["other.zip", "portal-20261001-030000Z.zip.partial", names[1], names[2], names[3]], BackupFilesOnDisk.Names(folder));
        Assert.Empty(BackupPruner.Prune(folder, [names[2]], keep: 2)); // fewer verified than Keep: nothing goes
    }
}
