using System.Text.Json;

namespace TalkdeskPortal.Sandbox;

/// <summary>
/// A stand-in for the partner's product inside the sandbox: it verifies each lifecycle webhook as a real product
/// would (the StandardWebhooks package, with the configured secret), answers as staff set it, and keeps the last
/// deliveries for the Sandbox page.
/// </summary>
public sealed class FakeProduct
{
    private const int Keep = 50;
    private readonly Lock _lock = new();
    private readonly LinkedList<FakeProductDelivery> _received = new();

    public FakeProductMode Mode { get; set; } = FakeProductMode.Accept;

    public event Action? Changed;

    public IReadOnlyList<FakeProductDelivery> Received
    {
        get
        {
            lock (_lock) return _received.ToList();
        }
    }

    public void Record(FakeProductDelivery delivery)
    {
        lock (_lock)
        {
            _received.AddFirst(delivery);
            while (_received.Count > Keep) _received.RemoveLast();
        }
        Changed?.Invoke();
    }

    public static string? TypeOf(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("type", out var type) ? type.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
