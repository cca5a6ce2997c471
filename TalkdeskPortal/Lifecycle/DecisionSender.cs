using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Data;
using TalkdeskPortal.Operations;
using TalkdeskPortal.Talkdesk;

namespace TalkdeskPortal.Lifecycle;

/// <summary>
/// Sends a recorded decision to Talkdesk exactly once: the attempt is committed before the call, and
/// a second attempt first reads the installation's state to see whether the first went through.
/// </summary>
public sealed class DecisionSender(
    ITalkdeskApi api,
    ITalkdeskTokenProvider tokens,
    ConnectionFactory connections,
    AuditLog audit,
    TimeProvider time,
    PortalMetrics metrics,
    ILogger<DecisionSender> logger)
{
    public async Task SendAsync(PortalDbContext db, LifecycleRequest request, CancellationToken ct)
    {
        var decision = request.Decision ?? throw new WorkflowException("The request has no recorded decision to send.");
        var connection = await connections.StoredAsync(db, request, ct);

        if (request.DecisionAttempts > 0 && await AlreadyAppliedAsync(connection, request, decision, ct))
        {
            audit.Add(db, AuditActors.System, "decision.confirmed", AuditOutcomes.Ok, request,
                detail: "Talkdesk already had this decision from an earlier attempt; not sent again");
            await FinishAsync(db, request, decision, ct);
            return;
        }

        request.DecisionAttempts++;
        request.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);

        var result = await api.SetInstallationStateAsync(connection, decision, request.DecisionReason, ct);
        logger.LogInformation("Sent {Decision} for request {RequestId} (event {EventId}, installation {InstallationId}); Talkdesk state {State}",
            decision, request.Id, request.EventId, request.InstallationId, result.State);
        audit.Add(db, AuditActors.System, "decision.sent", AuditOutcomes.Ok, request,
            detail: $"{decision} sent to Talkdesk; installation state now {result.State}");
        await FinishAsync(db, request, decision, ct);
    }

    private async Task<bool> AlreadyAppliedAsync(TalkdeskConnection connection, LifecycleRequest request, InstallationDecision decision, CancellationToken ct)
    {
        try
        {
            var state = (await api.GetInstallationAsync(connection, ct)).State?.State;
            return decision == InstallationDecision.Approve
                ? state is "completed" || (request.Kind == RequestKind.Uninstall && state is "revoked")
                : state is "rejected";
        }
        catch (TalkdeskApiException ex) when (request.Kind == RequestKind.Uninstall && ex.StatusCode is System.Net.HttpStatusCode.NotFound)
        {
            return true; // an approved uninstall can leave nothing to read
        }
    }

    private async Task FinishAsync(PortalDbContext db, LifecycleRequest request, InstallationDecision decision, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        request.State = decision == InstallationDecision.Approve ? RequestState.Completed : RequestState.Rejected;
        request.CompletedAt = now;
        request.UpdatedAt = now;
        request.WaitingReason = null;
        if (request.Kind == RequestKind.Uninstall && decision == InstallationDecision.Approve)
        {
            await db.Credentials.Where(c => c.InstallationId == request.InstallationId).ExecuteDeleteAsync(ct);
            tokens.Forget(request.InstallationId);
            audit.Add(db, AuditActors.System, "credentials.wiped", AuditOutcomes.Ok, request,
                detail: "Credentials and tokens of the uninstalled installation are gone; mappings and settings are kept");
        }
        audit.Add(db, AuditActors.System, "request.completed", AuditOutcomes.Ok, request,
            detail: $"{request.Kind} {(decision == InstallationDecision.Approve ? "approved" : "rejected")} in {(now - request.ReceivedAt).TotalMilliseconds:0} ms from receipt");
        await db.SaveChangesAsync(ct);
        metrics.Decided(decision == InstallationDecision.Approve, request.Kind.ToString(), now - request.ReceivedAt);
    }
}
