namespace TalkdeskPortal.Product;

public enum ProductDeliveryState
{
    // Written, not yet answered (or an earlier delivery of its account goes first).
    Pending,
    // No answer, a 5xx, 408 or 429: NextAttemptAt says when it goes again.
    Retrying,
    // The product answered 2xx.
    Delivered,
    // The product answered another 4xx: it will not take this event; staff may Resend.
    Refused,
    // Retried until its window closed without an answer; staff may Resend.
    Failed,
}
