namespace TalkdeskPortal.Sandbox;

/// <summary>One webhook the sandbox's fake product received, and what it made of it.</summary>
public sealed record FakeProductDelivery(
    DateTimeOffset ReceivedAt,
    string? MessageId,
    string? Type,
    bool Verified,
    string? VerificationError,
    int AnsweredWith,
    string Body);
