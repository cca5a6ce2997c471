namespace TalkdeskPortal.Notifications;

/// <summary>A staff member who does not want messages for one reason ("My notifications").</summary>
public sealed class NotificationOptOut
{
    public long Id { get; set; }
    public required string StaffUserId { get; set; }
    public NotificationReason Reason { get; set; }
}
