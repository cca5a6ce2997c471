using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Sandbox;

namespace TalkdeskPortal.Tests.ScaleOut;

/// <summary>One event Talkdesk created, and what became of each delivery of it.</summary>
public sealed class SentEvent(FakeInstallation installation, RequestKind kind, JsonObject body)
{
    private int _acks;

    public FakeInstallation Installation { get; } = installation;
    public RequestKind Kind { get; } = kind;
    public string Id { get; } = (string)body["id"]!;
    public string Json { get; } = body.ToJsonString();
    public DateTimeOffset CreatedAt { get; } = DateTimeOffset.UtcNow;

    // "nginx 202", "i2 HttpRequestException", ... in the order they finished.
    public ConcurrentQueue<string> Outcomes { get; } = new();

    public bool Acknowledged => Volatile.Read(ref _acks) > 0;

    /// <summary>True for the first 202 of this event.</summary>
    public bool Record(string via, string outcome, bool accepted)
    {
        Outcomes.Enqueue($"{via} {outcome}");
        return accepted && Interlocked.Increment(ref _acks) == 1;
    }

    public override string ToString() => $"{Kind} {Id} of {Installation.InstallationId} ({string.Join(", ", Outcomes)})";
}
