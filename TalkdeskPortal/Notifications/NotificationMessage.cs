namespace TalkdeskPortal.Notifications;

/// <summary>
/// One message to one recipient on one channel (an outbox row). <see cref="DedupeKey"/> is unique, e.g.
/// <c>AwaitingApproval:request:42:email:ann@example.com</c>, so a restart or a retried job never sends it twice.
/// </summary>
public sealed class NotificationMessage
{
    public long Id { get; set; }
    public required string DedupeKey { get; set; }
    public NotificationReason Reason { get; set; }
    public NotificationChannel Channel { get; set; }

    // An email address for Email; the channel's name for Slack and Teams (the URL stays in configuration).
    public required string Recipient { get; set; }
    public long? RequestId { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public string? Link { get; set; }

    public NotificationState State { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
}
