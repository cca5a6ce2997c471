namespace TalkdeskPortal.Notifications.Channels;

/// <summary>A send that did not get through, in words safe to store and show (no URL, no secret).</summary>
public sealed class NotificationSendException(string message) : Exception(message);
