using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Data;

namespace TalkdeskPortal.Staff;

/// <summary>
/// The check that counts before a staff action: a Blazor circuit keeps the principal it started with, so the
/// role is read again from the account (local sign-in) or the sign-in's age is checked (single sign-on).
/// A refusal is audited as <c>staff.refused</c>.
/// </summary>
public sealed class StaffAccess(IServiceScopeFactory scopes, IDbContextFactory<PortalDbContext> dbs, AuditLog audit,
    TimeProvider time, IOptions<StaffOptions> options)
{
    public const string Refused = "staff.refused";

    /// <summary>The name to record as the actor, or null when the user no longer holds any of <paramref name="roles"/>.</summary>
    public async Task<string?> ActorAsync(ClaimsPrincipal user, string action, params string[] roles)
    {
        var name = user.Identity?.Name ?? "staff";
        var refusal = await RefusalAsync(user, roles);
        if (refusal is null) return name;
        await using var db = await dbs.CreateDbContextAsync();
        audit.Add(db, name, Refused, AuditOutcomes.Refused, detail: $"{action}: {refusal}");
        await db.SaveChangesAsync();
        return null;
    }

    public bool SignOnExpired(ClaimsPrincipal user)
    {
        var at = user.FindFirstValue(StaffClaims.SignedInAt);
        if (!long.TryParse(at, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return true;
        return time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) >= options.Value.Oidc.AbsoluteLifetime;
    }

    private async Task<string?> RefusalAsync(ClaimsPrincipal user, string[] roles)
    {
        if (user.Identity?.IsAuthenticated != true) return "not signed in";
        var wanted = string.Join(" or ", roles);
        if (user.HasClaim(c => c.Type == StaffClaims.SingleSignOn))
        {
            // The provider's roles are read at sign-in only; the absolute lifetime bounds how stale they get.
            if (SignOnExpired(user)) return "the single sign-on session has ended";
            return roles.Any(user.IsInRole) ? null : $"needs {wanted}";
        }
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id) return "no local account";
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if (await users.FindByIdAsync(id) is not { } account) return "the account no longer exists";
        if (await users.IsLockedOutAsync(account)) return "the account is locked";
        var held = await users.GetRolesAsync(account);
        return roles.Any(held.Contains) ? null : $"needs {wanted}, holds {(held.Count == 0 ? "no role" : string.Join(", ", held))}";
    }
}
