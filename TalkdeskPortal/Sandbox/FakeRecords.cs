namespace TalkdeskPortal.Sandbox;

/// <summary>One call the fake Talkdesk answered.</summary>
public sealed record FakeCall(DateTimeOffset At, string Method, string Path, int Status, string? ClientId);

/// <summary>An approve or reject the fake Talkdesk received.</summary>
public sealed record FakeDecision(DateTimeOffset At, string InstallationId, string State, string? Reason);

/// <summary>A token the fake Talkdesk issued.</summary>
public sealed record FakeTokenGrant(DateTimeOffset At, string ClientId, string? KeyId, string? Jti, string AccessToken);
