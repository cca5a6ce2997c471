using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Data;
using TalkdeskPortal.Product;
using TalkdeskPortal.Talkdesk;
using TalkdeskPortal.Tenants;

namespace TalkdeskPortal.Lifecycle;

/// <summary>
/// The tenant follows Talkdesk's decision: an approve applies what the request staged, a reject (or an expiry)
/// drops it. Changes join the caller's context and commit with the request's final move.
/// </summary>
public sealed class DecisionEffects(
    TenantProvisioner tenants,
    ProductOutbox outbox,
    CredentialProtector protector,
    ITalkdeskTokenProvider tokens,
    IOptionsMonitor<TalkdeskOptions> talkdesk,
    AuditLog audit,
    TimeProvider time)
{
    public async Task ApplyApprovedAsync(PortalDbContext db, LifecycleRequest request, CancellationToken ct)
    {
        // The product hears of it in the same commit (built from the tenant as it was); under ProductAccepted it already has.
        await outbox.AddAsync(db, request, gatesApproval: false, ct);
        switch (request.Kind)
        {
            // Nothing staged: a request an earlier version provisioned before its decision; nothing left to apply.
            case RequestKind.Install when request.StagedJson is null:
            case RequestKind.Update when request.StagedJson is null:
                await StoreCredentialsAsync(db, request, ct);
                break;
            case RequestKind.Install:
                await tenants.ApplyInstallAsync(db, request, Staged<InstallSnapshot>(request)!, ct);
                await StoreCredentialsAsync(db, request, ct);
                break;
            case RequestKind.Update:
                var users = Staged<StagedUpdate>(request)!.LicensedUsers;
                await tenants.ApplyUpdateAsync(db, request, RequestData.From(request), users, ct);
                break;
            case RequestKind.Uninstall:
                await UninstallAsync(db, request, ct);
                break;
        }
    }

    /// <summary>
    /// TALKDESK.md §1: an uninstall never acknowledged is deprovisioned anyway. At its deadline the tenant that
    /// holds this installation ends uninstalled, as after an approve, but only for an uninstall Talkdesk vouched for
    /// (confirmed, or confirmation turned off), that no newer event overtook, and that no reject may have reached
    /// Talkdesk (a reject that landed keeps the app installed). Anything else changes nothing.
    /// </summary>
    public async Task ApplyExpiredUninstallAsync(PortalDbContext db, LifecycleRequest request, CancellationToken ct)
    {
        if (!request.Confirmed && talkdesk.CurrentValue.ConfirmEvents) return;
        if (request is { Decision: InstallationDecision.Reject, DecisionAttempts: > 0 }) return;
        var tenant = await db.Tenants.FirstOrDefaultAsync(t => t.TalkdeskAccountId == request.AccountId, ct);
        if (tenant is null || tenant.InstallationId != request.InstallationId || tenant.Status == TenantStatus.Uninstalled) return;
        if (tenant.LastEventAt is { } last && request.EventCreatedAt < last) return;
        audit.Add(db, AuditActors.System, "uninstall.deprovisioned", AuditOutcomes.Ok, request, tenant.Id,
            "No decision reached Talkdesk within 7 days; Talkdesk deprovisions an unacknowledged uninstall anyway, so the tenant is uninstalled too");
        await outbox.AddAsync(db, request, gatesApproval: false, ct);
        await UninstallAsync(db, request, ct);
    }

    private async Task UninstallAsync(PortalDbContext db, LifecycleRequest request, CancellationToken ct)
    {
        await tenants.MarkUninstalledAsync(db, request, RequestData.From(request), ct);
        db.Credentials.RemoveRange(await db.Credentials.Where(c => c.InstallationId == request.InstallationId).ToListAsync(ct));
        tokens.Forget(request.InstallationId);
        audit.Add(db, AuditActors.System, "credentials.wiped", AuditOutcomes.Ok, request,
            detail: "Credentials and tokens of the uninstalled installation are gone; mappings and settings are kept");
    }

    /// <summary>Rejected or expired: nothing staged reaches the tenant, and an install's credentials are wiped.</summary>
    public void DropStaged(PortalDbContext db, LifecycleRequest request, string outcome)
    {
        var detail = request.Kind switch
        {
            RequestKind.Install => $"Install {outcome}: the tenant was not activated and the event's credentials are wiped",
            RequestKind.Update => $"Update {outcome}: the previous plan and user mappings stay",
            RequestKind.Uninstall when outcome == "rejected" => "Uninstall rejected: the tenant stays active",
            _ => null,
        };
        if (detail is null) return;
        request.ProtectedCredentials = null;
        request.StagedJson = null;
        audit.Add(db, AuditActors.System, "tenant.unchanged", AuditOutcomes.Skipped, request, detail: detail);
    }

    private async Task StoreCredentialsAsync(PortalDbContext db, LifecycleRequest request, CancellationToken ct)
    {
        if (request.ProtectedCredentials is not { } fromEvent) return;
        var credentials = protector.Unprotect(fromEvent);
        var row = await db.Credentials.FirstOrDefaultAsync(c => c.InstallationId == request.InstallationId, ct);
        if (row is null)
        {
            row = new InstallationCredential
            {
                InstallationId = request.InstallationId, AppId = request.AppId, AccountId = request.AccountId,
                AccountName = request.AccountName ?? "", ApiRoot = request.ApiRoot, ClientId = credentials.ClientId,
                Protected = fromEvent,
            };
            db.Credentials.Add(row);
        }
        else
        {
            row.Protected = fromEvent;
            row.ClientId = credentials.ClientId;
        }
        row.UpdatedAt = time.GetUtcNow();
        // The installation row holds the set from now on; the request keeps no copy.
        request.ProtectedCredentials = null;
    }

    private static T? Staged<T>(LifecycleRequest request) where T : class =>
        request.StagedJson is { } json ? JsonSerializer.Deserialize<T>(json) : null;
}
