namespace TalkdeskPortal.Webhooks.Signatures;

/// <summary>One way of proving a delivery came from Talkdesk, checked before anything is stored.</summary>
public interface IEventSignatureCheck
{
    bool Enabled { get; }

    /// <summary>Null when the delivery passes; otherwise why it does not.</summary>
    Task<string?> CheckAsync(HttpRequest request, ReadOnlyMemory<byte> body, ParsedEvent parsed, CancellationToken ct);
}
