using TalkdeskPortal.Components.Shared;
using TalkdeskPortal.Tenants;

namespace TalkdeskPortal.Components.Pages.Tenants;

/// <summary>A tenant's plan and trial as one reads them: the trial's state and its end in the same words everywhere.</summary>
public static class TenantWords
{
    // "Trial (trial)" says the same thing twice: the type only where it adds something.
    public static string Plan(Tenant t) => (t.SubscriptionName, t.SubscriptionType) switch
    {
        (null, null) => "—",
        (null, { } type) => type,
        ({ } name, { } type) when !string.Equals(name, type, StringComparison.OrdinalIgnoreCase) => $"{name} ({type})",
        ({ } name, _) => name,
    };

    public static string Trial(Tenant t, ViewerTime zone)
    {
        var end = t.TrialExpiresAt is { } at ? zone.Format(at, "yyyy-MM-dd") : null;
        return (t.TrialState, end) switch
        {
            ("ended", null) => "ended",
            ("ended", _) => $"ended {end}",
            ({ } state, null) => state,
            ({ } state, _) => $"{state}, ends {end}",
            // On a trial plan, but Talkdesk has sent no trial event: say so rather than a bare dash beside "Trial".
            (null, _) when string.Equals(t.SubscriptionType, "trial", StringComparison.OrdinalIgnoreCase) => "trial plan, no trial dates from Talkdesk yet",
            (null, null) => "no trial",
            (null, _) => $"ends {end}",
        };
    }
}
