using System.Text.Json;
using Microsoft.Extensions.Options;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Data;
using TalkdeskPortal.Product;
using TalkdeskPortal.Talkdesk;
using static TalkdeskPortal.Lifecycle.RequestTrigger;

namespace TalkdeskPortal.Lifecycle;

/// <summary>
/// Moves one request forward until it waits for staff or is finished:
/// Received → Processing (confirm, stage) → AwaitingApproval | Deciding → Completed | Rejected.
/// Every move goes through <see cref="RequestStateMachine"/>; a lost race ends this run.
/// </summary>
public sealed class RequestWorkflow(
    EventConfirmation confirmation,
    ConnectionFactory connections,
    ITalkdeskTokenProvider tokens,
    UnconfirmedCallGate unconfirmed,
    ProvisioningStep provisioning,
    ApprovalPolicy policy,
    DecisionSender decisions,
    RequestStateMachine machine,
    ProductOutbox outbox,
    AuditLog audit,
    IOptionsMonitor<TalkdeskOptions> talkdesk,
    TimeProvider time)
{
    public async Task AdvanceAsync(PortalDbContext db, LifecycleRequest request, CancellationToken ct)
    {
        while (true)
        {
            switch (request.State)
            {
                case RequestState.Received:
                    if (!await machine.MoveAsync(db, request, Start, ct)) return;
                    break;
                case RequestState.Processing:
                    if (!await ConfirmAsync(db, request, ct)) return;
                    await provisioning.StageAsync(db, request, ct);
                    if (!await DecideAsync(db, request, ct) || request.State != RequestState.Deciding) return;
                    // The policy's move already committed the first attempt: send now, no second write first.
                    await decisions.SendAsync(db, request, ct, claimed: true);
                    return;
                case RequestState.Deciding:
                    await decisions.SendAsync(db, request, ct);
                    return;
                default:
                    return;
            }
        }
    }

    /// <summary>Verify-by-refetch; false when Talkdesk does not vouch for the event (then it is Refused).</summary>
    private async Task<bool> ConfirmAsync(PortalDbContext db, LifecycleRequest request, CancellationToken ct)
    {
        if (request.Confirmed || !talkdesk.CurrentValue.ConfirmEvents) return true;
        var connection = await connections.ForRequestAsync(db, request, ct);
        using var slot = await unconfirmed.EnterAsync(ct);
        try
        {
            await tokens.GetTokenAsync(connection, ct);
        }
        // Only the event's own credentials (an install) prove a forgery; a refused stored set is ours gone stale: Failed.
        catch (TalkdeskApiException ex) when (ex.CredentialsRefused && request.Kind == RequestKind.Install)
        {
            return await RefuseAsync(db, request, $"Talkdesk refused a token for the event's credentials ({(int)ex.StatusCode!} {ex.OAuthError}).", ct);
        }
        var (mismatch, data) = await confirmation.CheckAsync(connection, request, EventTypes.For(request.Kind), ct);
        if (mismatch is not null) return await RefuseAsync(db, request, mismatch, ct);

        request.Confirmed = true;
        // What gets applied is what Talkdesk holds, not what was delivered.
        if (data is not null) request.DataJson = JsonSerializer.Serialize(data);
        // Saved with the staging and the policy's move, in one transaction; a failure before then confirms again.
        audit.Add(db, AuditActors.System, "event.confirmed", AuditOutcomes.Ok, request,
            detail: "Token issued for the event's credentials and Talkdesk returned the same event");
        return true;
    }

    private async Task<bool> RefuseAsync(PortalDbContext db, LifecycleRequest request, string why, CancellationToken ct)
    {
        await machine.MoveAsync(db, request, Refuse, ct, r => r.Error = why, detail: $"{why} Nothing was provisioned or sent.");
        return false;
    }

    private async Task<bool> DecideAsync(PortalDbContext db, LifecycleRequest request, CancellationToken ct)
    {
        if (!request.Kind.NeedsDecision()) return await machine.MoveAsync(db, request, Finish, ct);
        var verdict = policy.Evaluate(request.Kind, request.LicensedUsers);
        if (verdict.Mode == ApprovalMode.Manual)
            return await machine.MoveAsync(db, request, NeedStaff, ct, r => r.WaitingReason = verdict.Reason, detail: verdict.Reason);
        if (outbox.GatesApproval(request) && await outbox.AddAsync(db, request, gatesApproval: true, ct) is { State: ProductDeliveryState.Pending } asked)
        {
            // The webhook commits with this move; the product's answer (ProductGate) sends the approve or calls staff.
            var waiting = $"Waiting for the product to accept {asked.Type}.";
            return await machine.MoveAsync(db, request, AskProduct, ct, r =>
            {
                r.Decision = InstallationDecision.Approve;
                r.DecidedBy = AuditActors.System;
                r.DecidedAt = time.GetUtcNow();
                r.WaitingReason = waiting;
            }, detail: $"{verdict.Reason} {waiting}");
        }
        return await machine.MoveAsync(db, request, AutoApprove, ct, r =>
        {
            r.Decision = InstallationDecision.Approve;
            r.DecidedBy = AuditActors.System;
            r.DecidedAt = time.GetUtcNow();
            // The claim of the first send rides on this commit (the attempt is on record before the call leaves).
            r.DecisionAttempts = 1;
            r.DecisionSentAt = r.DecidedAt;
        }, detail: verdict.Reason);
    }
}
