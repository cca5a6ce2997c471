namespace TalkdeskPortal.Notifications.Channels;

/// <summary>Sends one message on one channel; throws when it did not get through (the outbox retries).</summary>
public interface INotificationTransport
{
    NotificationChannel Channel { get; }
    bool Enabled { get; }
    Task SendAsync(NotificationMessage message, CancellationToken ct);
}
