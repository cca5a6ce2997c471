using TalkdeskPortal.Talkdesk;

namespace TalkdeskPortal.Lifecycle;

/// <summary>One install, update, uninstall (or other handled event) and how far it got.</summary>
public sealed class LifecycleRequest
{
    public long Id { get; set; }
    public required string EventId { get; set; }
    public RequestKind Kind { get; set; }
    public RequestState State { get; set; }
    public required string AppId { get; set; }
    public required string InstallationId { get; set; }
    public required string AccountId { get; set; }
    public string? AccountName { get; set; }
    public required string ApiRoot { get; set; }
    public DateTimeOffset EventCreatedAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset Deadline { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    // Retention erased this request's event payloads and delivery bodies (the row, timeline and audit stay).
    public DateTimeOffset? PayloadsErasedAt { get; set; }

    // The event's data with secrets removed (users, subscription, reason, trial dates).
    public string? DataJson { get; set; }

    // The event's credentials, Data Protection encrypted; cleared once stored on the installation.
    public string? ProtectedCredentials { get; set; }

    public bool Confirmed { get; set; }
    public int LicensedUsers { get; set; }
    public string? WaitingReason { get; set; }
    public RequestState? ResumeState { get; set; }
    // The last error, transient or permanent; kept while Retrying so staff see why.
    public string? Error { get; set; }
    public int Runs { get; set; }

    // Transient failures since the request last made progress (or staff pressed Retry); the retry schedule grows with it.
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }

    // What the decision will apply (install snapshot, update's users), applied on approve, dropped otherwise.
    public string? StagedJson { get; set; }

    public InstallationDecision? Decision { get; set; }
    public string? DecisionReason { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public int DecisionAttempts { get; set; }

    // When the decision first left for Talkdesk: a read-back compares the installation's state time with it.
    public DateTimeOffset? DecisionSentAt { get; set; }

    // Under Product:ApproveWhen = ProductAccepted: what the product answered to this request's webhook.
    public ProductAnswer? ProductAnswer { get; set; }

    // Four eyes (Approval:RequireTwoApprovers): the first of two staff decisions, recorded and shown; only the second sends.
    public InstallationDecision? FirstDecision { get; set; }
    public string? FirstDecisionBy { get; set; }
    public DateTimeOffset? FirstDecisionAt { get; set; }
    public string? FirstDecisionReason { get; set; }
}
