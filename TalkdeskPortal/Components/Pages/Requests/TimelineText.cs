using System.Globalization;
using System.Text.RegularExpressions;
using MudBlazor;
using TalkdeskPortal.Components.Shared;
using TalkdeskPortal.Audit;

namespace TalkdeskPortal.Components.Pages.Requests;

/// <summary>Audit actions in words staff read on the timeline.</summary>
public static partial class TimelineText
{
    // The lifecycle writes "Next attempt <UTC>." into request.retrying; staff read it in their own zone.
    public static string? Detail(string action, string? detail, ViewerTime zone)
    {
        if (action != "request.retrying" || detail is null) return detail;
        return NextAttempt().Replace(detail, m =>
            DateTimeOffset.TryParseExact(m.Groups[1].Value, "u", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? $"Next attempt {zone.Format(at, "yyyy-MM-dd HH:mm:ss")} {zone.ZoneName}."
                : m.Value);
    }

    [GeneratedRegex(@"Next attempt (\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z)\.")]
    private static partial Regex NextAttempt();

    public static string Title(string action) => action switch
    {
        "event.confirmed" => "Confirmed with Talkdesk",
        "event.refused" => "Talkdesk did not confirm the event",
        "talkdesk.fetched" => "Fetched account, installation, users and plan",
        "tenant.created" => "Partner account created",
        "tenant.reinstalled" => "Partner account restored (reinstall)",
        "tenant.refreshed" => "Partner account refreshed",
        "tenant.updated" => "Users and plan updated",
        "tenant.uninstalled" => "Partner account marked uninstalled",
        "tenant.trial" => "Trial recorded",
        "tenant.unchanged" => "Older than what was applied; no change",
        "credentials.rotated" => "New credentials acknowledged",
        "credentials.wiped" => "Credentials wiped",
        "request.waiting" => "Waiting for staff",
        "request.waiting-for-install" => "Waiting for this installation's install to be processed",
        "request.superseded" => "Made moot by a newer event",
        "request.retrying" => "Talkdesk failed for a moment; retrying automatically",
        "event.ignored" => "Event type not handled; ignored",
        "decision.first-approval" => "First of two approvals",
        "decision.first-rejection" => "First of two rejections",
        "decision.approved" => "Approved",
        "decision.rejected" => "Rejected",
        "decision.sent" => "Decision sent to Talkdesk",
        "decision.confirmed" => "Talkdesk already had the decision; not sent again",
        "request.completed" => "Completed",
        "request.failed" => "Failed",
        "request.retried" => "Resumed by staff (Retry)",
        "request.retry-requested" => "Retry requested",
        "request.expired" => "Expired",
        "product.asked" => "Webhook sent to the product; the approve waits for its answer",
        "product.accepted" => "The product accepted",
        "product.refused" => "The product refused; waiting for staff",
        "delivery.resent" => "Webhook sent again by staff",
        _ => action,
    };

    // A transient failure is recorded as failed, but the portal is handling it: warning, not error.
    public static Color Color(string action, string outcome) => action switch
    {
        "request.retrying" => MudBlazor.Color.Warning,
        _ => Color(outcome),
    };

    public static Color Color(string outcome) => outcome switch
    {
        AuditOutcomes.Failed or AuditOutcomes.Refused => MudBlazor.Color.Error,
        AuditOutcomes.Waiting => MudBlazor.Color.Warning,
        AuditOutcomes.Skipped => MudBlazor.Color.Default,
        _ => MudBlazor.Color.Success,
    };
}
