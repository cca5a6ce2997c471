using System.Diagnostics;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Notifications;
using TalkdeskPortal.Staff;
using TalkdeskPortal.Tests.Support;
using Xunit.Abstractions;

namespace TalkdeskPortal.Tests.Notifications;

public sealed class NotificationDeliveryTests(ITestOutputHelper output) : NotificationTestBase
{
    [Fact]
    public async Task AwaitingApproval_MailsTheApprover_WithTheDeepLink_AndSlackAndTeamsGetTheirJson()
    {
        await AddStaffAsync("vic@example.com", StaffRoles.Viewer);
        var installation = Fake.CreateInstallation("acme");
        var evt = Fake.InstalledEvent(installation, Talkdesk.ApiRoot);

        var posted = Stopwatch.GetTimestamp();
        var request = await DeliverAsync(evt, RequestState.AwaitingApproval);
        var mail = await Smtp.WaitForAsync(m => m.To == Approver);
        var latency = Stopwatch.GetElapsedTime(posted, mail.At);
        output.WriteLine($"event posted -> awaiting-approval mail received: {latency.TotalMilliseconds:0} ms; " +
                         $"request moved to AwaitingApproval -> mail received: {(mail.ReceivedAt - request.UpdatedAt).TotalMilliseconds:0} ms");
        Assert.True(latency < TimeSpan.FromSeconds(10), $"mail took {latency}"); // pushed at once, not left to a 15 s poll

        var link = $"{PublicUrl}/requests/{request.Id}";
        Assert.Contains("awaits approval", mail.Subject);
        Assert.Contains(link, mail.Body);
        Assert.Contains(installation.AccountId, mail.Body);
        Assert.Contains("Install", mail.Body);
        Assert.Contains("Time left: 6 d 23 h", mail.Body);

        var slack = await Chat.WaitForAsync("slack", _ => true);
        Assert.Contains("awaits approval", slack["text"]!.GetValue<string>());
        var button = slack["blocks"]!.AsArray().Single(b => b!["type"]!.GetValue<string>() == "actions")!["elements"]![0]!;
        Assert.Equal(link, button["url"]!.GetValue<string>());

        var teams = await Chat.WaitForAsync("teams", _ => true);
        Assert.Equal("message", teams["type"]!.GetValue<string>());
        var attachment = teams["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", attachment["content"]!["type"]!.GetValue<string>());
        Assert.Equal("1.4", attachment["content"]!["version"]!.GetValue<string>());
        var action = attachment["content"]!["actions"]![0]!;
        Assert.Equal("Action.OpenUrl", action["type"]!.GetValue<string>());
        Assert.Equal(link, action["url"]!.GetValue<string>());

        await WaitForMessageAsync(m => m.Channel == NotificationChannel.Teams && m.State == NotificationState.Sent);
        var rows = await MessagesAsync();
        Assert.Equal(3, rows.Count); // ann by email, Slack, Teams; not the Viewer
        Assert.All(rows, r => Assert.Equal(NotificationReason.AwaitingApproval, r.Reason));
        Assert.DoesNotContain(Smtp.Received, m => m.To == "vic@example.com");
        Assert.DoesNotContain("secret-token", Portal.Logs.AllText); // webhook URLs never logged

        // A second one, once the process has sent mail before (the first pays for loading and JIT-compiling MailKit).
        var second = Stopwatch.GetTimestamp();
        var warm = await DeliverAsync(Fake.InstalledEvent(Fake.CreateInstallation("acme2"), Talkdesk.ApiRoot), RequestState.AwaitingApproval);
        var warmMail = await Smtp.WaitForAsync(m => m.Body.Contains($"/requests/{warm.Id}"));
        output.WriteLine($"warm: event posted -> mail {Stopwatch.GetElapsedTime(second, warmMail.At).TotalMilliseconds:0} ms; " +
                         $"move -> mail {(warmMail.ReceivedAt - warm.UpdatedAt).TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task Restart_DoesNotSendAgain()
    {
        var installation = Fake.CreateInstallation("restart");
        var request = await DeliverAsync(Fake.InstalledEvent(installation, Talkdesk.ApiRoot), RequestState.AwaitingApproval);
        await Smtp.WaitForAsync(m => m.To == Approver);
        await Chat.WaitForAsync("teams", _ => true);
        await Chat.WaitForAsync("slack", _ => true);

        var directory = Portal.DataDirectory;
        await Portal.DisposeAsync();
        Portal = PortalApp.Start(Talkdesk, Configure, dataDirectory: directory);
        Assert.Equal(0, await Portal.Get<NotificationScan>().RunAsync(CancellationToken.None));
        Assert.Equal(0, await Portal.Get<RequestNotifier>().NotifyAsync(request.Id, CancellationToken.None));
        await Task.Delay(1500);

        Assert.Single(Smtp.Received);
        Assert.Single(Chat.Slack);
        Assert.Single(Chat.Teams);
        Assert.Equal(3, (await MessagesAsync()).Count);
    }

    [Fact]
    public async Task OptOut_IsHonoured_AndOthersStillHear()
    {
        await AddStaffAsync("bob@example.com", StaffRoles.Admin);
        var ann = (await Portal.Get<StaffAdmin>().ListAsync()).Single(m => m.Email == Approver);
        await Portal.Get<NotificationPreferences>().SetAsync(ann.Id, NotificationReason.AwaitingApproval, wanted: false);

        await DeliverAsync(Fake.InstalledEvent(Fake.CreateInstallation("optout"), Talkdesk.ApiRoot), RequestState.AwaitingApproval);
        await Smtp.WaitForAsync(m => m.To == "bob@example.com");
        await Task.Delay(500);

        Assert.DoesNotContain(Smtp.Received, m => m.To == Approver);
        Assert.DoesNotContain(await MessagesAsync(), m => m.Recipient == Approver);
    }

    [Fact]
    public async Task RefusedEvent_IsReportedAtOnce()
    {
        var evt = Fake.InstalledEvent(Fake.CreateInstallation("forged"), Talkdesk.ApiRoot);
        evt["id"] = "0123456789abcdef0123456789abcdef"; // an id Talkdesk never issued
        var request = await DeliverAsync(evt, RequestState.Refused);

        var mail = await Smtp.WaitForAsync(m => m.Subject.Contains("refused"));
        Assert.Contains($"{PublicUrl}/requests/{request.Id}", mail.Body);
        Assert.Contains("does not know", mail.Body);
    }
}
