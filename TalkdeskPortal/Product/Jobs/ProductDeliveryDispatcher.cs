using TalkdeskPortal.Lifecycle.Jobs;

namespace TalkdeskPortal.Product.Jobs;

/// <summary>Delivery ids for the in-process delivery runner: a fresh webhook's first attempt never waits for Hangfire.</summary>
public sealed class ProductDeliveryDispatcher : IdQueue;
