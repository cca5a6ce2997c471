using Microsoft.Extensions.Options;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Data;
using TalkdeskPortal.Talkdesk;

namespace TalkdeskPortal.Lifecycle;

/// <summary>
/// Moves one request forward until it waits for staff or is finished:
/// Received → Processing (confirm, provision) → AwaitingApproval | Deciding → Completed | Rejected.
/// Every transition is saved before the next step starts.
/// </summary>
public sealed class RequestWorkflow(
    EventConfirmation confirmation,
    ConnectionFactory connections,
    ProvisioningStep provisioning,
    ApprovalPolicy policy,
    ApprovalService approvals,
    DecisionSender decisions,
    RequestChanges changes,
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
                    await MoveAsync(db, request, RequestState.Processing, ct);
                    break;
                case RequestState.Processing:
                    if (!await ConfirmAsync(db, request, ct)) return;
                    await provisioning.ApplyAsync(db, request, ct);
                    await DecideOrCompleteAsync(db, request, ct);
                    if (request.State != RequestState.Deciding) return;
                    break;
                case RequestState.Deciding:
                    await decisions.SendAsync(db, request, ct);
                    changes.Publish(request);
                    return;
                default:
                    return;
            }
        }
    }

    private async Task<bool> ConfirmAsync(PortalDbContext db, LifecycleRequest request, CancellationToken ct)
    {
        if (request.Confirmed || !talkdesk.CurrentValue.ConfirmEvents) return true;
        var connection = await connections.ForRequestAsync(db, request, ct);
        var mismatch = await confirmation.FindMismatchAsync(connection, request, EventTypes.For(request.Kind), ct);
        if (mismatch is not null)
        {
            request.State = RequestState.Refused;
            request.Error = mismatch;
            request.ProtectedCredentials = null;
            request.CompletedAt = time.GetUtcNow();
            audit.Add(db, AuditActors.System, "event.refused", AuditOutcomes.Refused, request,
                detail: $"{mismatch} Nothing was provisioned or sent.");
            await SaveAsync(db, request, ct);
            return false;
        }
        request.Confirmed = true;
        audit.Add(db, AuditActors.System, "event.confirmed", AuditOutcomes.Ok, request,
            detail: "Token issued for the event's credentials and Talkdesk returned the same event");
        await SaveAsync(db, request, ct);
        return true;
    }

    private async Task DecideOrCompleteAsync(PortalDbContext db, LifecycleRequest request, CancellationToken ct)
    {
        if (!request.Kind.NeedsDecision())
        {
            request.State = RequestState.Completed;
            request.CompletedAt = time.GetUtcNow();
            audit.Add(db, AuditActors.System, "request.completed", AuditOutcomes.Ok, request);
            await SaveAsync(db, request, ct);
            return;
        }
        var verdict = policy.Evaluate(request.Kind, request.LicensedUsers);
        if (verdict.Mode == ApprovalMode.Manual)
        {
            request.State = RequestState.AwaitingApproval;
            request.WaitingReason = verdict.Reason;
            audit.Add(db, AuditActors.System, "request.waiting", AuditOutcomes.Waiting, request, detail: verdict.Reason);
        }
        else
        {
            approvals.RecordAutomatic(db, request, verdict.Reason);
        }
        await SaveAsync(db, request, ct);
    }

    private async Task MoveAsync(PortalDbContext db, LifecycleRequest request, RequestState state, CancellationToken ct)
    {
        request.State = state;
        await SaveAsync(db, request, ct);
    }

    private async Task SaveAsync(PortalDbContext db, LifecycleRequest request, CancellationToken ct)
    {
        request.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        changes.Publish(request);
    }
}
