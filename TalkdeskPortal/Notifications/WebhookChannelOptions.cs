namespace TalkdeskPortal.Notifications;

/// <summary><c>Notifications:Slack</c> or <c>Notifications:Teams</c>: which reasons the channel gets (empty: all).</summary>
public sealed class WebhookChannelOptions
{
    // An empty default, not "all five": the configuration binder adds to a list, it does not replace it.
    public NotificationReason[] Reasons { get; set; } = [];

    public bool Selects(NotificationReason reason) => Reasons.Length == 0 || Reasons.Contains(reason);
}
