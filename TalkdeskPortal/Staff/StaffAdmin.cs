using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Data;

namespace TalkdeskPortal.Staff;

/// <summary>What the Users page does. One DI scope per operation: a circuit must not hold a DbContext.</summary>
public sealed class StaffAdmin(IServiceScopeFactory scopes, AuditLog audit)
{
    public sealed record Member(string Id, string Email, string? DisplayName, string Role, bool LockedOut);

    /// <summary>Every staff member with their highest role, in one query (not two per person).</summary>
    public async Task<IReadOnlyList<Member>> ListAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var rows = await db.Users.AsNoTracking()
            .OrderBy(u => u.Email).Take(500)
            .Select(u => new
            {
                u.Id, u.Email, u.UserName, u.DisplayName, u.LockoutEnabled, u.LockoutEnd,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
            })
            .ToListAsync();
        var now = DateTimeOffset.UtcNow;
        return rows.Select(u => new Member(u.Id, u.Email ?? u.UserName ?? "", u.DisplayName,
                StaffRoles.All.Reverse().FirstOrDefault(u.Roles.Contains) ?? "none",
                u.LockoutEnabled && u.LockoutEnd > now))
            .ToList();
    }

    public async Task<IReadOnlyList<string>> CreateAsync(string email, string? displayName, string password, string role, string actor)
    {
        if (!StaffRoles.All.Contains(role)) return [$"Unknown role {role}."];
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = email.Trim(), Email = email.Trim(), DisplayName = displayName, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return created.Errors.Select(e => e.Description).ToList();
        await users.AddToRoleAsync(user, role);
        await AuditAsync(scope, actor, "staff.created", $"{email} as {role}");
        return [];
    }

    public async Task<IReadOnlyList<string>> SetRoleAsync(string userId, string role, string actor)
    {
        if (!StaffRoles.All.Contains(role)) return [$"Unknown role {role}."];
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null) return ["No such user."];
        var current = await users.GetRolesAsync(user);
        if (current.Contains(StaffRoles.Admin) && role != StaffRoles.Admin && (await users.GetUsersInRoleAsync(StaffRoles.Admin)).Count == 1)
            return ["This is the last Admin; make someone else Admin first."];
        await users.RemoveFromRolesAsync(user, current);
        await users.AddToRoleAsync(user, role);
        // Existing sign-ins pick up the new role at their next security-stamp check.
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(scope, actor, "staff.role-changed", $"{user.Email} is now {role}");
        return [];
    }

    /// <summary>Locks an account until an Admin unlocks it; the new security stamp signs out its open pages.</summary>
    public async Task<IReadOnlyList<string>> LockAsync(string userId, string actor)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if (await users.FindByIdAsync(userId) is not { } user) return ["No such user."];
        if (await users.IsInRoleAsync(user, StaffRoles.Admin) && await ActiveAdminsAsync(users) <= 1)
            return ["This is the last active Admin; make someone else Admin first."];
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(scope, actor, "staff.locked", user.Email);
        return [];
    }

    private static async Task<int> ActiveAdminsAsync(UserManager<StaffUser> users)
    {
        var active = 0;
        foreach (var admin in await users.GetUsersInRoleAsync(StaffRoles.Admin))
            if (!await users.IsLockedOutAsync(admin)) active++;
        return active;
    }

    public async Task UnlockAsync(string userId, string actor)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if (await users.FindByIdAsync(userId) is not { } user) return;
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await AuditAsync(scope, actor, "staff.unlocked", user.Email);
    }

    private async Task AuditAsync(AsyncServiceScope scope, string actor, string action, string? detail)
    {
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        audit.Add(db, actor, action, AuditOutcomes.Ok, detail: detail);
        await db.SaveChangesAsync();
    }
}
