namespace TalkdeskPortal.Sandbox;

/// <summary>How the sandbox's fake product answers lifecycle webhooks.</summary>
public enum FakeProductMode
{
    Accept,
    // 422 with a problem+json detail: the product will not take this tenant.
    Refuse,
    // 503: the product is down; the portal retries.
    Down,
}
