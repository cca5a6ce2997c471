using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace TalkdeskPortal.Staff;

/// <summary>
/// An open page re-reads its user every <see cref="StaffOptions.RevalidationInterval"/>: a changed security stamp
/// (role edit, lock-out) or a locked account signs the circuit out; so does the end of a single sign-on session.
/// </summary>
public sealed class StaffRevalidatingAuthenticationStateProvider(ILoggerFactory loggers, IServiceScopeFactory scopes,
    IOptions<IdentityOptions> identity, IOptions<StaffOptions> staff, StaffAccess access)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => staff.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        var user = state.User;
        if (user.HasClaim(c => c.Type == StaffClaims.SingleSignOn)) return !access.SignOnExpired(user);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if (await users.GetUserAsync(user) is not { } account || await users.IsLockedOutAsync(account)) return false;
        if (!users.SupportsUserSecurityStamp) return true;
        return user.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) == await users.GetSecurityStampAsync(account);
    }
}
