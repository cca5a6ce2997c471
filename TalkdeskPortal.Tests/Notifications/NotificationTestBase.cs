using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Notifications;
using TalkdeskPortal.Staff;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Notifications;

/// <summary>A portal with every channel pointed at receivers in this process, policy Manual, and one Approver.</summary>
public abstract class NotificationTestBase : PortalTestBase
{
    protected const string PublicUrl = "https://portal.test.example";
    protected const string Approver = "ann@example.com";

    protected TestSmtpServer Smtp { get; } = new();
    protected ChatReceiver Chat { get; private set; } = null!;

    // False: the mail server is down when the portal starts.
    protected virtual bool SmtpUp => true;

    public override async Task InitializeAsync()
    {
        if (SmtpUp) Smtp.Start();
        Chat = await ChatReceiver.StartAsync();
        await base.InitializeAsync();
        await Portal.Get<PolicyStore>().SaveAsync(new ApprovalOptions { Install = ApprovalMode.Manual }, "ops@example.com");
        await AddStaffAsync(Approver, StaffRoles.Approver);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Chat.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Portal:PublicUrl"] = PublicUrl;
        settings["Notifications:Smtp:Host"] = "127.0.0.1";
        settings["Notifications:Smtp:Port"] = Smtp.Port.ToString();
        settings["Notifications:Smtp:UseTls"] = "None";
        settings["Notifications:Smtp:From"] = "TalkdeskPortal <portal@example.com>";
        settings["Notifications:SlackWebhookUrl"] = Chat.SlackUrl;
        settings["Notifications:TeamsWebhookUrl"] = Chat.TeamsUrl;
        settings["Notifications:RetrySchedule:0"] = "00:00:01";
        settings["Jobs:PollInterval"] = "00:00:01";
    }

    protected async Task AddStaffAsync(string email, string role)
    {
        var errors = await Portal.Services.GetRequiredService<StaffAdmin>().CreateAsync(email, null, "Correct-Horse-9", role, "test");
        Assert.Empty(errors);
    }

    protected async Task<List<NotificationMessage>> MessagesAsync()
    {
        await using var db = Portal.Db();
        return await db.Notifications.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    protected async Task<NotificationMessage> WaitForMessageAsync(Func<NotificationMessage, bool> done, int timeoutMs = 15_000)
    {
        var until = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        List<NotificationMessage> last = [];
        while (DateTime.UtcNow < until)
        {
            last = await MessagesAsync();
            if (last.FirstOrDefault(done) is { } found) return found;
            await Task.Delay(25);
        }
        throw new TimeoutException($"No matching notification; rows: {string.Join(" | ", last.Select(m => $"{m.DedupeKey} {m.State} {m.LastError}"))}");
    }
}
