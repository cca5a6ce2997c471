using System.Text;
using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Retention;
using TalkdeskPortal.Tests.Staff;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Retention;

/// <summary>A portal whose retention windows are a second long; the job is called directly, not on its schedule.</summary>
public abstract class RetentionTestBase : PortalTestBase
{
    protected static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Retention:EventPayloadsAfter"] = Window.ToString();
        settings["Retention:UninstalledTenantAfter"] = Window.ToString();
        settings["Retention:Cron"] = "";
        settings["Retention:BatchPause"] = "00:00:00";
        settings["Approval:Update"] = "Manual";
        settings["Staff:BootstrapAdminEmail"] = StaffHttp.AdminEmail;
        settings["Staff:BootstrapAdminPassword"] = StaffHttp.Password;
    }

    protected static Task PassTheWindowAsync() => Task.Delay(Window + TimeSpan.FromMilliseconds(100));

    protected Task<RetentionRun> PurgeAsync() => Portal.Get<RetentionPurge>().RunAsync(CancellationToken.None);

    /// <summary>portal.db and its -wal and -shm files as text, to search for what should be gone.</summary>
    protected string DatabaseFiles() => Encoding.UTF8.GetString(TestDatabase.RawBytes(Portal.DataDirectory));

    protected async Task<LifecycleRequest> RequestAsync(long id)
    {
        await using var db = Portal.Db();
        return await db.Requests.AsNoTracking().SingleAsync(r => r.Id == id);
    }
}
