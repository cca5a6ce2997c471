using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalkdeskPortal.Components.Pages.Notifications;
using TalkdeskPortal.Notifications;
using TalkdeskPortal.Staff;
using TalkdeskPortal.Tests.Components;

namespace TalkdeskPortal.Tests.Notifications;

public sealed class MyNotificationsPageTests : ComponentTestBase
{
    public MyNotificationsPageTests()
    {
        Services.Configure<NotificationOptions>(o =>
        {
            o.Smtp = new SmtpOptions { Host = "smtp.example.com", From = "portal@example.com", Password = "smtp-password" };
            o.SlackWebhookUrl = "https://hooks.slack.com/services/T1/B2/very-secret";
        });
    }

    [Fact]
    public void Approver_TurnsOffAReason_AndItIsSaved()
    {
        var id = SignInAs("ann@example.com", StaffRoles.Approver);
        var page = Render<MyNotificationsPage>();

        var switches = page.FindAll("[data-test=notification-switches] input[type=checkbox]");
        Assert.Equal(5, switches.Count);
        Assert.All(switches, s => Assert.True(Checked(s)));
        // The switch's accessible name: its label wraps the input.
        Assert.Contains("Awaiting approval", page.Find("[data-test=notify-AwaitingApproval]").Closest("label")!.TextContent);

        page.Find("[data-test=notify-AwaitingApproval]").Change(false);

        using (var db = Db())
            Assert.Equal(NotificationReason.AwaitingApproval, db.NotificationOptOuts.AsNoTracking().Single(o => o.StaffUserId == id).Reason);
        var again = Render<MyNotificationsPage>();
        Assert.False(Checked(again.Find("[data-test=notify-AwaitingApproval]")));
        Assert.True(Checked(again.Find("[data-test=notify-DailyDigest]")));

        again.Find("[data-test=notify-AwaitingApproval]").Change(true);
        using (var db = Db()) Assert.Empty(db.NotificationOptOuts.AsNoTracking().Where(o => o.StaffUserId == id));
    }

    [Fact]
    public void ChannelStatus_MasksTheWebhookUrl_AndNeverShowsThePassword()
    {
        SignInAs("vic@example.com", StaffRoles.Viewer);
        var page = Render<MyNotificationsPage>();

        Assert.Contains("Only Approvers and Admins", page.Find("[data-test=not-a-recipient]").TextContent);
        var status = page.Find("[data-test=channel-status]").TextContent;
        Assert.Contains("hooks.slack.com", status);
        Assert.DoesNotContain("very-secret", page.Markup);
        Assert.DoesNotContain("smtp-password", page.Markup);
        Assert.Contains("not configured", status); // Teams
    }

    private static bool Checked(IElement input) => ((IHtmlInputElement)input).IsChecked;
}
