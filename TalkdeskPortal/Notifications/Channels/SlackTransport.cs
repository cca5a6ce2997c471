using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace TalkdeskPortal.Notifications.Channels;

/// <summary>Slack incoming webhook: <c>text</c> (notifications, fallback) plus Block Kit blocks with a button to the request.</summary>
public sealed class SlackTransport(WebhookPoster poster, IOptionsMonitor<NotificationOptions> options) : INotificationTransport
{
    public NotificationChannel Channel => NotificationChannel.Slack;
    public bool Enabled => options.CurrentValue.SlackEnabled;

    public Task SendAsync(NotificationMessage message, CancellationToken ct) =>
        poster.PostAsync(options.CurrentValue.SlackWebhookUrl!, Payload(message), ct);

    public static JsonObject Payload(NotificationMessage message)
    {
        var blocks = new JsonArray
        {
            new JsonObject { ["type"] = "header", ["text"] = Plain(Cut(message.Subject, 150)) },
            new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Cut(Escape(message.Body), 3000) } },
        };
        if (PortalLinks.IsAbsolute(message.Link))
            blocks.Add(new JsonObject
            {
                ["type"] = "actions",
                ["elements"] = new JsonArray { new JsonObject { ["type"] = "button", ["text"] = Plain("Open in the portal"), ["url"] = message.Link } },
            });
        return new JsonObject { ["text"] = message.Subject, ["blocks"] = blocks };
    }

    private static JsonObject Plain(string text) => new() { ["type"] = "plain_text", ["text"] = text };

    // Slack's mrkdwn reads &, < and > as markup.
    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static string Cut(string text, int length) => text.Length > length ? text[..(length - 1)] + "…" : text;
}
