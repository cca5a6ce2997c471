namespace TalkdeskPortal.Notifications;

/// <summary>How each reason reads to staff (the switches on "My notifications", channel status).</summary>
public static class NotificationReasons
{
    public static readonly NotificationReason[] All = Enum.GetValues<NotificationReason>();

    public static string Title(NotificationReason reason) => reason switch
    {
        NotificationReason.AwaitingApproval => "Awaiting approval",
        NotificationReason.NeedsAttention => "Failed or retrying over an hour",
        NotificationReason.ExpiringSoon => "Expiring within 24 hours",
        NotificationReason.EventRefused => "Event refused",
        NotificationReason.DailyDigest => "Daily digest",
        _ => reason.ToString(),
    };

    public static string Description(NotificationReason reason) => reason switch
    {
        NotificationReason.AwaitingApproval => "A request waits for an Approver (sent at once).",
        NotificationReason.NeedsAttention => "A request failed (at once) or has been retrying for over an hour.",
        NotificationReason.ExpiringSoon => "A request is not finished and Talkdesk's 7-day window closes within 24 hours.",
        NotificationReason.EventRefused => "An event failed the authenticity check (sent at once).",
        NotificationReason.DailyDigest => "Once a day: every open request and its time left.",
        _ => "",
    };
}
