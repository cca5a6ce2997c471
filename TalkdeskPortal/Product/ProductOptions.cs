namespace TalkdeskPortal.Product;

/// <summary>The <c>Product</c> section: the bridge to the partner's own product (webhooks out, the tenant API in).</summary>
public sealed class ProductOptions
{
    public const string Section = "Product";

    // Where lifecycle webhooks go (http or https). Empty: no webhooks, and approvals never wait for the product.
    public string? WebhookUrl { get; set; }

    // The Standard Webhooks signing secret: "whsec_" + base64 of 24 to 64 random bytes.
    public string? WebhookSecret { get; set; }

    public ProductApproveWhen ApproveWhen { get; set; } = ProductApproveWhen.Immediately;

    // An API key for automation, created (as a hash) at start when no key with this value exists yet.
    public string? BootstrapApiKey { get; set; }

    // How long one attempt may take before it counts as no answer.
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    // Waits after failed attempts 1, 2, 3, …; the last one repeats until the delivery's window closes.
    public TimeSpan[] RetrySchedule { get; set; } = [];

    public static readonly TimeSpan[] DefaultRetrySchedule =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10),
        TimeSpan.FromMinutes(30), TimeSpan.FromHours(1),
    ];

    // A delivery that no request waits for is retried this long, then Failed (staff may Resend).
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(7);

    public bool Enabled => !string.IsNullOrWhiteSpace(WebhookUrl);

    public bool GatesApproval => Enabled && ApproveWhen == ProductApproveWhen.ProductAccepted;

    public TimeSpan RetryDelay(int attempt, TimeSpan? retryAfter)
    {
        var schedule = RetrySchedule is { Length: > 0 } s ? s : DefaultRetrySchedule;
        var wait = schedule[Math.Clamp(attempt - 1, 0, schedule.Length - 1)];
        return retryAfter is { } asked && asked > wait && asked < TimeSpan.FromHours(6) ? asked : wait;
    }
}
