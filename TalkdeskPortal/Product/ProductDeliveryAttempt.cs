namespace TalkdeskPortal.Product;

/// <summary>One attempt at a delivery: what the product answered, how fast, and who asked for it.</summary>
public sealed class ProductDeliveryAttempt
{
    public long Id { get; set; }
    public long DeliveryId { get; set; }
    public int Number { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public int DurationMs { get; set; }
    public int? StatusCode { get; set; }
    public string? ResponseSnippet { get; set; }
    public string? Error { get; set; }

    // "system", or the staff member who pressed Resend.
    public required string Trigger { get; set; }
}
