namespace TalkdeskPortal.Notifications;

public enum NotificationState
{
    Pending,
    Retrying,
    Sent,
    Failed,
}
