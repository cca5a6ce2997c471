using Microsoft.Extensions.Time.Testing;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Notifications;

namespace TalkdeskPortal.Tests.Notifications;

/// <summary>Expiry warnings and the digest on a fake clock shared by the portal and the fake Talkdesk; jobs invoked directly.</summary>
public sealed class NotificationClockTests : NotificationTestBase
{
    // 08:00:30 UTC today: the digest hour (8, UTC) has just begun.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddHours(8).AddSeconds(30));

    protected override TimeProvider? Time => _time;

    protected override void Configure(Dictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Talkdesk:Http:MaxRetryAttempts"] = "0"; // in-call waits would run on the fake clock
    }

    [Fact]
    public async Task RequestExpiringWithin24Hours_IsReportedOnce()
    {
        var request = await DeliverAsync(Fake.InstalledEvent(Fake.CreateInstallation("expiring"), Talkdesk.ApiRoot), RequestState.AwaitingApproval);
        await Smtp.WaitForAsync(m => m.Subject.Contains("awaits approval"));
        var scan = Portal.Get<NotificationScan>();
        Assert.Equal(0, await scan.RunAsync(CancellationToken.None)); // six days and more left: nothing yet

        _time.Advance(TimeSpan.FromDays(6) + TimeSpan.FromHours(1));
        await scan.RunAsync(CancellationToken.None);
        var mail = await Smtp.WaitForAsync(m => m.Subject.Contains("expires in"));
        Assert.Matches("expires in 22 h 5[0-9] min", mail.Subject);
        Assert.Contains($"{PublicUrl}/requests/{request.Id}", mail.Body);

        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await scan.RunAsync(CancellationToken.None));
        await Task.Delay(500);
        Assert.Single(Smtp.Received, m => m.Subject.Contains("expires in"));
    }

    [Fact]
    public async Task DailyDigest_AtTheConfiguredHour_ListsWhatIsOpen_OncePerDay()
    {
        var request = await DeliverAsync(Fake.InstalledEvent(Fake.CreateInstallation("digest"), Talkdesk.ApiRoot), RequestState.AwaitingApproval);
        var digest = Portal.Get<DailyDigest>();
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);

        Assert.Equal(3, await digest.RunAsync(CancellationToken.None)); // ann, Slack, Teams
        var mail = await Smtp.WaitForAsync(m => m.Subject.Contains("Daily digest"));
        Assert.Contains($"Daily digest {today:yyyy-MM-dd}: 1 open request", mail.Subject);
        Assert.Contains($"{PublicUrl}/requests/{request.Id}", mail.Body);
        Assert.Contains("Awaiting approval", mail.Body); // the state in words, as on the pages

        _time.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, await digest.RunAsync(CancellationToken.None)); // same day: already sent

        _time.Advance(TimeSpan.FromHours(21)); // 08:00:30 the next day
        Assert.Equal(3, await digest.RunAsync(CancellationToken.None));
        await Smtp.WaitForAsync(m => m.Subject.Contains($"Daily digest {today.AddDays(1):yyyy-MM-dd}"));
        Assert.Equal(2, Smtp.Received.Count(m => m.Subject.Contains("Daily digest")));
    }
}
