using TalkdeskPortal.Lifecycle.Jobs;

namespace TalkdeskPortal.Notifications.Jobs;

/// <summary>Ids of requests whose change may call for a message; filled from the lifecycle's thread without waiting.</summary>
public sealed class ChangedRequests : IdQueue;
