namespace TalkdeskPortal.Notifications;

/// <summary>Why staff are told something; each staff member may opt out per reason.</summary>
public enum NotificationReason
{
    AwaitingApproval,
    // Failed, or Retrying for over an hour.
    NeedsAttention,
    ExpiringSoon,
    EventRefused,
    DailyDigest,
}
