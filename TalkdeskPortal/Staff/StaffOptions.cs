namespace TalkdeskPortal.Staff;

/// <summary>The <c>Staff</c> section: the first admin, lockout, and optional single sign-on.</summary>
public sealed class StaffOptions
{
    public const string Section = "Staff";

    // Created at first start when no admin exists; change the password after signing in.
    public string? BootstrapAdminEmail { get; set; }
    public string? BootstrapAdminPassword { get; set; }

    public int MaxFailedSignIns { get; set; } = 5;
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    // How often an open page and a local sign-in cookie re-read the account (security stamp, lock-out):
    // role changes and lock-outs reach open tabs within this time. Actions re-check the role every time.
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(5);

    public OidcOptions Oidc { get; set; } = new();
}

/// <summary><c>Staff:Oidc</c>: OpenID Connect sign-in, off unless Enabled.</summary>
public sealed class OidcOptions
{
    public bool Enabled { get; set; }
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string DisplayName { get; set; } = "single sign-on";

    // Only for a provider on plain HTTP in a lab; production providers are HTTPS.
    public bool RequireHttpsMetadata { get; set; } = true;

    // The claim that carries roles, and how its values map to ours, e.g. "portal-admins" → "Admin".
    public string RoleClaim { get; set; } = "roles";
    public Dictionary<string, string> RoleMap { get; set; } = [];

    // Off: a group that happens to be named "Admin" must not grant Admin. On: a claim value that already is a
    // role name counts without a RoleMap entry (for a provider whose roles are managed for this portal alone).
    public bool AcceptRoleNamesAsIs { get; set; }

    // A single sign-on session ends this long after sign-in, however active (the sliding expiry still applies).
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// The portal roles a set of claim values grants: mapped values (and, if AcceptRoleNamesAsIs, values that
    /// already are a role name). Anything else grants nothing; a user with no portal role cannot sign in.
    /// </summary>
    public IReadOnlyList<string> PortalRoles(IEnumerable<string> claimValues) =>
        [.. claimValues
            .Select(v => RoleMap.TryGetValue(v, out var role) ? role : AcceptRoleNamesAsIs ? v : null)
            .OfType<string>()
            .Where(r => StaffRoles.All.Contains(r, StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)];
}
