using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace TalkdeskPortal.Notifications.Channels;

/// <summary>A Teams workflow webhook ("When a Teams webhook request is received"): a message with one Adaptive Card 1.4.</summary>
public sealed class TeamsTransport(WebhookPoster poster, IOptionsMonitor<NotificationOptions> options) : INotificationTransport
{
    public NotificationChannel Channel => NotificationChannel.Teams;
    public bool Enabled => options.CurrentValue.TeamsEnabled;

    public Task SendAsync(NotificationMessage message, CancellationToken ct) =>
        poster.PostAsync(options.CurrentValue.TeamsWebhookUrl!, Payload(message), ct);

    public static JsonObject Payload(NotificationMessage message)
    {
        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = message.Subject, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
        };
        foreach (var line in message.Body.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = line, ["wrap"] = true, ["spacing"] = "Small" });
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.4",
            ["body"] = body,
            ["actions"] = PortalLinks.IsAbsolute(message.Link)
                ? new JsonArray { new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open in the portal", ["url"] = message.Link } }
                : new JsonArray(),
        };
        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray
            {
                new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["contentUrl"] = null, ["content"] = card },
            },
        };
    }
}
