namespace TalkdeskPortal.Product;

/// <summary>
/// One lifecycle webhook to the partner's product (an outbox row): written in the same commit as the change it
/// announces, then delivered and retried until the product answers. <see cref="MessageId"/> is the Standard
/// Webhooks <c>webhook-id</c>, stable per event, so the product can drop a retried delivery it already has.
/// </summary>
public sealed class ProductDelivery
{
    public long Id { get; set; }
    public required string MessageId { get; set; }
    public required string Type { get; set; }
    public required string AccountId { get; set; }
    public string? AccountName { get; set; }

    // The lifecycle request it announces (none for deliveries not tied to a request).
    public long? RequestId { get; set; }

    // The JSON body exactly as signed and sent; it never holds a secret or a token.
    public required string Body { get; set; }

    // Under ApproveWhen = ProductAccepted the request's Talkdesk approve waits for this delivery's answer.
    public bool GatesApproval { get; set; }

    public ProductDeliveryState State { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public int? LastStatusCode { get; set; }

    // Why the last attempt did not succeed: the transport error, or the product's problem+json detail.
    public string? LastError { get; set; }

    public List<ProductDeliveryAttempt> AttemptLog { get; set; } = [];
}
