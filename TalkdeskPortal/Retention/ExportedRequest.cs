using System.Text.Json.Nodes;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Lifecycle;

namespace TalkdeskPortal.Retention;

/// <summary>A request field by field, except the encrypted credentials it may have carried.</summary>
public sealed record ExportedRequest(
    long Id,
    string Kind,
    string State,
    string InstallationId,
    string? AccountName,
    DateTimeOffset EventCreatedAt,
    DateTimeOffset ReceivedAt,
    DateTimeOffset Deadline,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? PayloadsErasedAt,
    JsonNode? Data,
    JsonNode? Staged,
    int LicensedUsers,
    string? WaitingReason,
    string? Error,
    string? Decision,
    string? DecisionReason,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? FirstDecision,
    string? FirstDecisionBy,
    string? FirstDecisionReason,
    string? ProductAnswer,
    ExportedEvent? Event,
    IReadOnlyList<AuditEntry> Timeline)
{
    public static ExportedRequest From(LifecycleRequest r, ExportedEvent? evt, IReadOnlyList<AuditEntry> timeline) =>
        new(r.Id, r.Kind.ToString(), r.State.ToString(), r.InstallationId, r.AccountName, r.EventCreatedAt, r.ReceivedAt, r.Deadline,
            r.CompletedAt, r.PayloadsErasedAt, ExportJson.Parse(r.DataJson), ExportJson.Parse(r.StagedJson), r.LicensedUsers,
            r.WaitingReason, r.Error, r.Decision?.ToString(), r.DecisionReason, r.DecidedBy, r.DecidedAt,
            r.FirstDecision?.ToString(), r.FirstDecisionBy, r.FirstDecisionReason, r.ProductAnswer?.ToString(), evt, timeline);
}
