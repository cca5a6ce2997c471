namespace TalkdeskPortal.Sandbox;

/// <summary>A user of a fake Talkdesk account; licensed users are the app's users.</summary>
public sealed class FakeUser
{
    public required string Id { get; init; }
    public required string Email { get; init; }
    public required string Name { get; init; }
    public bool Active { get; set; } = true;
    public string? Extension { get; init; }
    public bool Licensed { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}
