namespace TalkdeskPortal.Notifications;

/// <summary>Where one message goes: an email address, or the Slack or Teams channel (recipient "slack"/"teams").</summary>
public sealed record NotificationTarget(NotificationChannel Channel, string Recipient);
