using MudBlazor;
using TalkdeskPortal.Audit;

namespace TalkdeskPortal.Components.Pages.Requests;

/// <summary>Audit actions in words staff read on the timeline.</summary>
public static class TimelineText
{
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
        "decision.approved" => "Approved",
        "decision.rejected" => "Rejected",
        "decision.sent" => "Decision sent to Talkdesk",
        "decision.confirmed" => "Decision already in Talkdesk",
        "request.completed" => "Completed",
        "request.failed" => "Failed",
        "request.retried" => "Resumed",
        "request.retry-requested" => "Retry requested",
        "request.expired" => "Expired",
        _ => action,
    };

    public static Color Color(string outcome) => outcome switch
    {
        AuditOutcomes.Failed or AuditOutcomes.Refused => MudBlazor.Color.Error,
        AuditOutcomes.Waiting => MudBlazor.Color.Warning,
        AuditOutcomes.Skipped => MudBlazor.Color.Default,
        _ => MudBlazor.Color.Success,
    };
}
