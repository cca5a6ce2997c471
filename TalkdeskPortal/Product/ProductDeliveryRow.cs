namespace TalkdeskPortal.Product;

/// <summary>One line of the Deliveries list.</summary>
public sealed record ProductDeliveryRow(
    long Id,
    string Type,
    string AccountId,
    string? AccountName,
    long? RequestId,
    ProductDeliveryState State,
    bool GatesApproval,
    int Attempts,
    int? LastStatusCode,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? NextAttemptAt);
