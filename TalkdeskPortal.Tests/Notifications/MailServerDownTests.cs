using System.Diagnostics;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Notifications;

namespace TalkdeskPortal.Tests.Notifications;

public sealed class MailServerDownTests : NotificationTestBase
{
    protected override bool SmtpUp => false;

    [Fact]
    public async Task MailServerDown_DelaysTheMail_NotTheRequest_AndTheMailArrivesWhenItReturns()
    {
        var installation = Fake.CreateInstallation("smtpdown");
        var started = Stopwatch.GetTimestamp();
        var request = await DeliverAsync(Fake.InstalledEvent(installation, Talkdesk.ApiRoot), RequestState.AwaitingApproval);
        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(10), "the lifecycle did not wait for the mail server");

        var retrying = await WaitForMessageAsync(m => m.Channel == NotificationChannel.Email && m.State == NotificationState.Retrying);
        Assert.NotNull(retrying.LastError);
        Assert.NotNull(retrying.NextAttemptAt);
        await Chat.WaitForAsync("slack", _ => true); // the other channels are not held up

        Smtp.Start();
        // Hangfire's scheduled retry (RetrySchedule 1 s here, polled every second) sends it; nobody calls it by hand.
        var mail = await Smtp.WaitForAsync(m => m.To == Approver, timeoutMs: 30_000);
        Assert.Contains($"/requests/{request.Id}", mail.Body);
        var sent = await WaitForMessageAsync(m => m.Id == retrying.Id && m.State == NotificationState.Sent);
        Assert.True(sent.Attempts >= 2);
        Assert.Single(Smtp.Received);
    }
}
