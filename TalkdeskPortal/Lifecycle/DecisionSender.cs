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
    public async Task SendAsync(PortalDbContext db, LifecycleRequest request, CancellationToken ct)
    {
        var decision = request.Decision ?? throw new WorkflowException("The request has no recorded decision to send.");
        // Checked again right before anything leaves: after the deadline Talkdesk has timed the request out.
        if (time.GetUtcNow() >= request.Deadline)
        {
            effects.DropStaged(db, request, "expired");
            await expiry.ExpireAsync(db, request, ct);
            return;
        }
        var connection = await connections.ForRequestAsync(db, request, ct);

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

        var result = await api.SetInstallationStateAsync(connection, decision, request.DecisionReason, ct);
        logger.LogInformation("Sent {Decision} for request {RequestId} (event {EventId}, installation {InstallationId}); Talkdesk state {State}",
            decision, request.Id, request.EventId, request.InstallationId, result.State);
        audit.Add(db, AuditActors.System, "decision.sent", AuditOutcomes.Ok, request,
            detail: $"{decision} sent to Talkdesk; installation state now {result.State}");
        await FinishAsync(db, request, decision, ct);
    }

    /// <summary>
    /// TALKDESK.md §5: the state belongs to the installation, not to this request. For an install, any state but
    /// <c>installing</c> means our decision landed; otherwise a state changed after our first attempt left does.
    /// </summary>
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
        if (request.Kind == RequestKind.Install) return state.State != "installing";
        return state.UpdatedAt is { } changed && request.DecisionSentAt is { } sent && changed >= sent.AddSeconds(-1);
    }

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
