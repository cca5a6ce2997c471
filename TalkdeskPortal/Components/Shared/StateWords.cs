using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Product;

namespace TalkdeskPortal.Components.Shared;

/// <summary>States as staff read them: words, not enum names. URLs and data attributes keep the enum names.</summary>
public static class StateWords
{
    public static string For(RequestState state) => state switch
    {
        RequestState.AwaitingApproval => "Awaiting approval",
        RequestState.AwaitingProduct => "Waiting for the product",
        RequestState.Deciding => "Sending decision",
        _ => state.ToString(),
    };

    public static string For(ProductDeliveryState state) => state switch
    {
        ProductDeliveryState.Refused => "Refused by the product",
        ProductDeliveryState.Failed => "Failed, gave up",
        _ => state.ToString(),
    };
}
