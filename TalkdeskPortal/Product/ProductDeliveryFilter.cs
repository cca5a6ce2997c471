namespace TalkdeskPortal.Product;

/// <summary>What the Deliveries page asks for: a state, a type, an account (id or name prefix), a request.</summary>
public sealed record ProductDeliveryFilter(
    ProductDeliveryState? State = null,
    string? Type = null,
    string? Account = null,
    long? RequestId = null);
