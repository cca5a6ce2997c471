namespace TalkdeskPortal.Product;

public enum ProductApproveWhen
{
    // Talkdesk hears the approve as soon as policy or staff allow; the product is told afterwards.
    Immediately,
    // The approve waits until the product answers 2xx to the lifecycle webhook.
    ProductAccepted,
}
