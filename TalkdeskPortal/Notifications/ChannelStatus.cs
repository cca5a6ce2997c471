using Microsoft.Extensions.Options;

namespace TalkdeskPortal.Notifications;

/// <summary>Which channels are on, for display: a webhook URL shows only its host, never its secret path.</summary>
public sealed class ChannelStatus(IOptionsMonitor<NotificationOptions> options)
{
    public sealed record Line(NotificationChannel Channel, bool On, string Detail);

    public IReadOnlyList<Line> Lines()
    {
        var o = options.CurrentValue;
        return
        [
            new(NotificationChannel.Email, o.Smtp.Enabled, o.Smtp.Enabled ? $"from {o.Smtp.From} via {o.Smtp.Host}:{o.Smtp.Port}" : "not configured"),
            new(NotificationChannel.Slack, o.SlackEnabled, o.SlackEnabled ? $"{Mask(o.SlackWebhookUrl)} · gets {Reasons(o.Slack)}" : "not configured"),
            new(NotificationChannel.Teams, o.TeamsEnabled, o.TeamsEnabled ? $"{Mask(o.TeamsWebhookUrl)} · gets {Reasons(o.Teams)}" : "not configured"),
        ];
    }

    public static string Mask(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) ? $"{u.Scheme}://{u.Host}/••••" : "••••";

    private static string Reasons(WebhookChannelOptions channel) =>
        channel.Reasons.Length == 0 ? "every reason" : string.Join(", ", channel.Reasons.Select(NotificationReasons.Title));
}
