using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace TalkdeskPortal.Staff;

/// <summary>At start: the three roles exist, and the configured first admin if no admin does yet.</summary>
public sealed class StaffSeeder(IServiceScopeFactory scopes, IOptions<StaffOptions> options, ILogger<StaffSeeder> logger)
{
    public async Task SeedAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in StaffRoles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));

        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var (email, password) = (options.Value.BootstrapAdminEmail, options.Value.BootstrapAdminPassword);
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password)) return;
        if ((await users.GetUsersInRoleAsync(StaffRoles.Admin)).Count > 0) return;

        var admin = await users.FindByEmailAsync(email);
        if (admin is null)
        {
            admin = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Administrator" };
            var created = await users.CreateAsync(admin, password);
            if (!created.Succeeded)
            {
                logger.LogError("The bootstrap admin could not be created: {Errors}", string.Join("; ", created.Errors.Select(e => e.Description)));
                return;
            }
        }
        await users.AddToRoleAsync(admin, StaffRoles.Admin);
        logger.LogInformation("Created the bootstrap admin {Email}", email);
    }
}
