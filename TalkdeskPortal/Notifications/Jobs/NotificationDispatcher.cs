using TalkdeskPortal.Lifecycle.Jobs;

namespace TalkdeskPortal.Notifications.Jobs;

/// <summary>Message ids for the in-process sender: a new message's first attempt never waits for Hangfire.</summary>
public sealed class NotificationDispatcher : IdQueue;
