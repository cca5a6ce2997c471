namespace TalkdeskPortal.Product.Events;

/// <summary>The <c>type</c> of every lifecycle webhook the product receives.</summary>
public static class ProductEventTypes
{
    public const string Provisioned = "tenant.provisioned";
    public const string Reinstalled = "tenant.reinstalled";
    public const string Updated = "tenant.updated";
    public const string Uninstalled = "tenant.uninstalled";
    public const string TrialChanged = "tenant.trial_changed";

    public static readonly string[] All = [Provisioned, Reinstalled, Updated, Uninstalled, TrialChanged];
}
