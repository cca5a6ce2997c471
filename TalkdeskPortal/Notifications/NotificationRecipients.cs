using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TalkdeskPortal.Data;
using TalkdeskPortal.Staff;

namespace TalkdeskPortal.Notifications;

/// <summary>
/// Who hears about a reason: Approvers and Admins who are not locked out and have not opted out of it (email),
/// plus the Slack and Teams channels whose <c>Reasons</c> select it. Only configured channels count.
/// </summary>
public sealed class NotificationRecipients(IDbContextFactory<PortalDbContext> dbFactory, IOptionsMonitor<NotificationOptions> options, TimeProvider time)
{
    public const string SlackRecipient = "slack";
    public const string TeamsRecipient = "teams";

    private static readonly string[] Roles = [StaffRoles.Approver, StaffRoles.Admin];

    public async Task<IReadOnlyList<NotificationTarget>> ForAsync(NotificationReason reason, CancellationToken ct)
    {
        var o = options.CurrentValue;
        var targets = new List<NotificationTarget>();
        if (o.Smtp.Enabled)
            targets.AddRange((await StaffAsync(reason, ct)).Select(email => new NotificationTarget(NotificationChannel.Email, email)));
        if (o.SlackEnabled && o.Slack.Selects(reason)) targets.Add(new(NotificationChannel.Slack, SlackRecipient));
        if (o.TeamsEnabled && o.Teams.Selects(reason)) targets.Add(new(NotificationChannel.Teams, TeamsRecipient));
        return targets;
    }

    private async Task<List<string>> StaffAsync(NotificationReason reason, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var staff = await db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && Roles.Contains(r.Name!))))
            .Where(u => !db.NotificationOptOuts.Any(o => o.StaffUserId == u.Id && o.Reason == reason))
            .Select(u => new { Email = u.Email ?? u.UserName, u.LockoutEnabled, u.LockoutEnd })
            .ToListAsync(ct);
        // LockoutEnd is compared here: Identity stores it in a form SQLite cannot compare.
        return staff.Where(u => !(u.LockoutEnabled && u.LockoutEnd > now) && !string.IsNullOrWhiteSpace(u.Email))
            .Select(u => u.Email!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
    }
}
