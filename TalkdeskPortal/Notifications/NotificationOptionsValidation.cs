using Microsoft.Extensions.Options;
using MimeKit;

namespace TalkdeskPortal.Notifications;

/// <summary>Refuses to start with a channel half configured; messages never name a secret's value.</summary>
public sealed class NotificationOptionsValidation : IValidateOptions<NotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        var errors = new List<string>();
        if (options.DigestHour is < 0 or > 23) errors.Add("Notifications:DigestHour must be 0 to 23.");
        if (!string.IsNullOrWhiteSpace(options.DigestTimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(options.DigestTimeZone, out _))
            errors.Add($"Notifications:DigestTimeZone '{options.DigestTimeZone}' is not a known time zone.");
        if (string.IsNullOrWhiteSpace(options.ScanCron)) errors.Add("Notifications:ScanCron must be a cron expression.");
        if (options.RetrySchedule.Any(w => w <= TimeSpan.Zero)) errors.Add("Notifications:RetrySchedule waits must be positive.");
        if (options.GiveUpAfter <= TimeSpan.Zero || options.AttemptTimeout <= TimeSpan.Zero)
            errors.Add("Notifications:GiveUpAfter and AttemptTimeout must be positive.");

        var smtp = options.Smtp;
        if (smtp.Enabled)
        {
            if (smtp.Port is < 1 or > 65535) errors.Add("Notifications:Smtp:Port must be 1 to 65535.");
            if (!MailboxAddress.TryParse(smtp.From, out _)) errors.Add("Notifications:Smtp:From must be an email address when Smtp:Host is set.");
            if (!string.IsNullOrEmpty(smtp.User) && string.IsNullOrEmpty(smtp.Password))
                errors.Add("Notifications:Smtp:Password must be set with Smtp:User.");
        }
        CheckUrl(options.SlackWebhookUrl, "Notifications:SlackWebhookUrl", errors);
        CheckUrl(options.TeamsWebhookUrl, "Notifications:TeamsWebhookUrl", errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckUrl(string? value, string key, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            errors.Add($"{key} must be an absolute http or https URL."); // the value itself is a secret
    }
}
