namespace TalkdeskPortal.Lifecycle;

/// <summary>A step cannot go on for a reason staff can read (no secrets in the message).</summary>
public class WorkflowException(string message) : Exception(message);
