namespace TalkdeskPortal.Lifecycle.Jobs;

/// <summary>
/// Request ids for the in-process runner: a fresh event's first attempt, wake-ups and staff actions start at once.
/// Intake only writes to the channel.
/// </summary>
public sealed class RequestDispatcher : IdQueue;
