namespace TalkdeskPortal.Notifications;

public enum NotificationChannel
{
    Email,
    Slack,
    Teams,
}
