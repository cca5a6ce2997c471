using System.Net;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Data;
using TalkdeskPortal.Operations;
using TalkdeskPortal.Talkdesk;

namespace TalkdeskPortal.Lifecycle;

/// <summary>
/// Sends a recorded decision so that Talkdesk hears it once: the attempt is committed before the call (and that
/// commit is the claim: of two workers only one gets it), the POST is never retried by the HTTP pipeline, and any
/// later attempt first reads the installation back to see whether an earlier one went through.
/// </summary>
public sealed class DecisionSender(
    ITalkdeskApi api,
    ConnectionFactory connections,
    DecisionEffects effects,
    RequestStateMachine machine,
    RequestExpiry expiry,
    AuditLog audit,
    TimeProvider time,
    PortalMetrics metrics,
    ILogger<DecisionSender> logger)
{
    /// <param name="claimed">The caller's last commit already recorded this attempt (the policy's move): send at once.</param>
    public async Task SendAsync(PortalDbContext db, LifecycleRequest request, CancellationToken ct, bool claimed = false)
    {
        var decision = request.Decision ?? throw new WorkflowException("The request has no recorded decision to send.");
        // Checked again right before anything leaves: after the deadline Talkdesk has timed the request out.
        if (time.GetUtcNow() >= request.Deadline)
        {
            await SettleAsync(db, request, ct);
            return;
        }
        var connection = await connections.ForRequestAsync(db, request, ct);

        if (!claimed)
        {
            if (request.DecisionAttempts > 0 && await AlreadyAppliedAsync(connection, request, ct))
            {
                audit.Add(db, AuditActors.System, "decision.confirmed", AuditOutcomes.Ok, request,
                    detail: "Talkdesk already had this decision from an earlier attempt; not sent again");
                await FinishAsync(db, request, decision, ct);
                return;
            }
            request.DecisionAttempts++;
            request.DecisionSentAt ??= time.GetUtcNow();
            request.UpdatedAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct); // throws on a lost race: then the other worker sends
        }

        var result = await api.SetInstallationStateAsync(connection, decision, request.DecisionReason, ct);
        logger.LogInformation("Sent {Decision} for request {RequestId} (event {EventId}, installation {InstallationId}); Talkdesk state {State}",
            decision, request.Id, request.EventId, request.InstallationId, result.State);
        audit.Add(db, AuditActors.System, "decision.sent", AuditOutcomes.Ok, request,
            detail: $"{decision} sent to Talkdesk; installation state now {result.State}");
        await FinishAsync(db, request, decision, ct);
    }

    /// <summary>
    /// Past the deadline nothing is sent. A decision that already went out may still have landed: read the
    /// installation back and finish on what Talkdesk says; otherwise (or when Talkdesk cannot be read) it expires.
    /// </summary>
    public async Task SettleAsync(PortalDbContext db, LifecycleRequest request, CancellationToken ct)
    {
        string? unknown = null;
        var applied = false;
        if (request.DecisionAttempts > 0)
        {
            try
            {
                applied = await AlreadyAppliedAsync(await connections.ForRequestAsync(db, request, ct), request, ct);
            }
            catch (Exception ex) when (ex is TalkdeskApiException or WorkflowException)
            {
                unknown = ex.Message;
            }
        }
        if (!applied)
        {
            if (unknown is not null)
                audit.Add(db, AuditActors.System, "decision.unknown", AuditOutcomes.Failed, request,
                    detail: $"At the deadline Talkdesk could not confirm the decision sent earlier ({unknown}); check the installation in Talkdesk");
            effects.DropStaged(db, request, "expired");
            await expiry.ExpireAsync(db, request, ct);
            return;
        }
        if (request.State != RequestState.Deciding && !await machine.MoveAsync(db, request, RequestTrigger.Settle, ct)) return;
        audit.Add(db, AuditActors.System, "decision.confirmed", AuditOutcomes.Ok, request,
            detail: "Talkdesk already had this decision from an earlier attempt; not sent again");
        await FinishAsync(db, request, request.Decision!.Value, ct);
    }

    /// <summary>
    /// TALKDESK.md §5: the state belongs to the installation, not to this request. For an install, any state but
    /// <c>installing</c> means our decision landed; otherwise a state changed after our first attempt left does.
    /// </summary>
    /// <remarks>
    /// A state still awaiting a decision (<c>updating</c>, <c>pending</c>…) counts only if it is strictly newer than
    /// our attempt and than the event (Talkdesk's own clock, so a clock of ours running behind cannot mistake the
    /// state this event set for a newer one): an automatic decision leaves milliseconds after the customer's change,
    /// and if it was lost that change's state is still there. A settled state (completed, rejected…) allows a second
    /// for a clock that reports whole seconds; <c>timeout</c> never counts.
    /// </remarks>
    private async Task<bool> AlreadyAppliedAsync(TalkdeskConnection connection, LifecycleRequest request, CancellationToken ct)
    {
        TalkdeskInstallationState? state;
        try
        {
            state = (await api.GetInstallationAsync(connection, ct)).State;
        }
        catch (TalkdeskApiException ex) when (request.Kind == RequestKind.Uninstall && ex.StatusCode is HttpStatusCode.NotFound)
        {
            return true; // an approved uninstall can leave nothing to read
        }
        if (state is null) return false;
        if (request.Kind == RequestKind.Install) return InstallLanded(state.State, request.Decision);
        if (state.UpdatedAt is not { } changed || request.DecisionSentAt is not { } sent) return false;
        if (AwaitingDecision(state.State)) return changed > sent && changed > request.EventCreatedAt;
        return state.State != "timeout" && changed >= sent.AddSeconds(-1);
    }

    private static bool AwaitingDecision(string state) => state is "installing" or "pending" or "updating" or "uninstalling";

    // An install Talkdesk moved on from `installing`: our decision landed if the state agrees with it. A state that
    // contradicts it (timeout, failed, revoked) is for a person to look at, never something to activate a tenant on.
    private static bool InstallLanded(string state, InstallationDecision? decision) => (state, decision) switch
    {
        ("installing", _) => false,
        ("completed" or "pending" or "updating" or "uninstalling" or "suspended", InstallationDecision.Approve) => true,
        ("rejected", InstallationDecision.Reject) => true,
        _ => throw new WorkflowException($"Talkdesk shows this installation as '{state}' after our {decision}; check it in Talkdesk before retrying."),
    };

    private async Task FinishAsync(PortalDbContext db, LifecycleRequest request, InstallationDecision decision, CancellationToken ct)
    {
        var approved = decision == InstallationDecision.Approve;
        if (approved) await effects.ApplyApprovedAsync(db, request, ct);
        else effects.DropStaged(db, request, "rejected");
        var now = time.GetUtcNow();
        var moved = await machine.MoveAsync(db, request, approved ? RequestTrigger.Approved : RequestTrigger.Rejected, ct,
            detail: $"{request.Kind} {(approved ? "approved" : "rejected")} in {(now - request.ReceivedAt).TotalMilliseconds:0} ms from receipt");
        if (moved) metrics.Decided(approved, request.Kind.ToString(), now - request.ReceivedAt);
    }
}
