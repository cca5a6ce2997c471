using Microsoft.Extensions.Options;
using TalkdeskPortal.Notifications;
using TalkdeskPortal.Notifications.Channels;

namespace TalkdeskPortal.Tests.Notifications;

public sealed class NotificationChannelTests
{
    private static NotificationMessage Message(string? link) => new()
    {
        DedupeKey = "awaitingapproval:request:1:email:a@example.com", Recipient = "slack", Subject = "Install for <Acme> awaits approval",
        Body = "Line one & more\nOpen: " + link, Link = link,
    };

    [Fact]
    public void Slack_EscapesMarkup_AndOffersAButtonOnlyForAnAbsoluteLink()
    {
        var withLink = SlackTransport.Payload(Message("https://portal.example.com/requests/1"));
        Assert.Equal("Install for <Acme> awaits approval", withLink["text"]!.GetValue<string>());
        Assert.Contains("&amp;", withLink["blocks"]![1]!["text"]!["text"]!.GetValue<string>());
        Assert.Contains(withLink["blocks"]!.AsArray(), b => b!["type"]!.GetValue<string>() == "actions");

        var relative = SlackTransport.Payload(Message("/requests/1"));
        Assert.DoesNotContain(relative["blocks"]!.AsArray(), b => b!["type"]!.GetValue<string>() == "actions");
    }

    [Fact]
    public void Teams_IsAnAdaptiveCardMessage_WithOpenUrl()
    {
        var card = TeamsTransport.Payload(Message("https://portal.example.com/requests/1"))["attachments"]![0]!["content"]!;
        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        Assert.Equal("Install for <Acme> awaits approval", card["body"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("https://portal.example.com/requests/1", card["actions"]![0]!["url"]!.GetValue<string>());
        Assert.Empty(TeamsTransport.Payload(Message("/requests/1"))["attachments"]![0]!["content"]!["actions"]!.AsArray());
    }

    [Fact]
    public void ChannelStatus_ShowsOnlyTheHostOfAWebhookUrl()
    {
        var options = new NotificationOptions { SlackWebhookUrl = "https://hooks.slack.com/services/T1/B2/very-secret" };
        var lines = new ChannelStatus(new Monitor(options)).Lines();
        var slack = lines.Single(l => l.Channel == NotificationChannel.Slack);
        Assert.True(slack.On);
        Assert.Contains("hooks.slack.com", slack.Detail);
        Assert.DoesNotContain("very-secret", slack.Detail);
        Assert.False(lines.Single(l => l.Channel == NotificationChannel.Email).On);
    }

    [Theory]
    [InlineData("DigestHour", "24", "DigestHour")]
    [InlineData("Smtp:From", "not an address", "Smtp:From")]
    [InlineData("TeamsWebhookUrl", "ftp://teams.example.com/secret-path", "TeamsWebhookUrl")]
    [InlineData("DigestTimeZone", "Mars/Olympus", "DigestTimeZone")]
    public void Validation_RefusesABadSetting_WithoutEchoingASecret(string key, string value, string named)
    {
        var options = new NotificationOptions { Smtp = { Host = "smtp.example.com", From = "portal@example.com" } };
        switch (key)
        {
            case "DigestHour": options.DigestHour = int.Parse(value); break;
            case "Smtp:From": options.Smtp.From = value; break;
            case "TeamsWebhookUrl": options.TeamsWebhookUrl = value; break;
            case "DigestTimeZone": options.DigestTimeZone = value; break;
        }
        var result = new NotificationOptionsValidation().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains(named, result.FailureMessage);
        Assert.DoesNotContain("secret-path", result.FailureMessage);
    }

    [Fact]
    public void Defaults_AreValid_WithEveryChannelOff_AndTheRetryScheduleAsDocumented()
    {
        var options = new NotificationOptions();
        Assert.True(new NotificationOptionsValidation().Validate(null, options).Succeeded);
        Assert.False(options.AnyEnabled);
        Assert.Equal([5, 30, 120, 600, 1800, 1800], Enumerable.Range(1, 6).Select(a => (int)options.RetryDelay(a).TotalSeconds));
    }

    private sealed class Monitor(NotificationOptions value) : IOptionsMonitor<NotificationOptions>
    {
        public NotificationOptions CurrentValue => value;
        public NotificationOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<NotificationOptions, string?> listener) => null;
    }
}
