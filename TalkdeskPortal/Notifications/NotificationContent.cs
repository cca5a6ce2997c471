namespace TalkdeskPortal.Notifications;

/// <summary>What a message says: the same words on every channel.</summary>
public sealed record NotificationContent(string Subject, string Body, string? Link);
