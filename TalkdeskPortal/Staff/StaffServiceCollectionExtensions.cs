using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using TalkdeskPortal.Data;

namespace TalkdeskPortal.Staff;

public static class StaffServiceCollectionExtensions
{
    public static WebApplicationBuilder AddStaffSignIn(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StaffOptions>().BindConfiguration(StaffOptions.Section);
        var staff = builder.Configuration.GetSection(StaffOptions.Section).Get<StaffOptions>() ?? new();

        services.AddCascadingAuthenticationState();
        // Local accounts live in Identity's cookie; single sign-on users in a cookie of their own, since they
        // have no local row for Identity's security-stamp check. The policy scheme picks whichever is present.
        var authentication = services.AddAuthentication(o =>
        {
            o.DefaultScheme = StaffSchemes.Staff;
            o.DefaultChallengeScheme = IdentityConstants.ApplicationScheme;
            o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
        });
        authentication.AddPolicyScheme(StaffSchemes.Staff, "Staff", o => o.ForwardDefaultSelector = context =>
            context.Request.Cookies.ContainsKey(StaffSchemes.SsoCookieName) ? StaffSchemes.Sso : IdentityConstants.ApplicationScheme);
        authentication.AddIdentityCookies();
        authentication.AddCookie(StaffSchemes.Sso, o =>
        {
            o.Cookie.Name = StaffSchemes.SsoCookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(10); // as local sign-ins, not the cookie default of 14 days
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/account/denied";
            // Sliding, and also absolute: a sign-on session ends Staff:Oidc:AbsoluteLifetime after sign-in.
            o.Events.OnValidatePrincipal = async context =>
            {
                if (context.Principal is { } user && !context.HttpContext.RequestServices.GetRequiredService<StaffAccess>().SignOnExpired(user)) return;
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(StaffSchemes.Sso);
            };
        });
        if (staff.Oidc.Enabled) authentication.AddOpenIdConnect(o => ConfigureOidc(o, staff.Oidc));

        services.AddIdentityCore<StaffUser>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = staff.MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = staff.LockoutDuration;
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        // Local sign-ins re-read the security stamp (changed by role edits and lock-outs) this often.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = staff.RevalidationInterval);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "TalkdeskPortal.Staff";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            // APIs answer 401/403; pages redirect to sign-in.
            o.Events.OnRedirectToLogin = c => RedirectOrStatus(c, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => RedirectOrStatus(c, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder()
            // Every endpoint needs a signed-in staff member unless it says AllowAnonymous.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(StaffRoles.CanDecide, p => p.RequireRole(StaffRoles.Approver, StaffRoles.Admin))
            .AddPolicy(StaffRoles.CanAdminister, p => p.RequireRole(StaffRoles.Admin));
        services.AddSingleton<StaffSeeder>();
        services.AddSingleton<StaffAdmin>();
        services.AddSingleton<StaffAccess>();
        services.AddScoped<AuthenticationStateProvider, StaffRevalidatingAuthenticationStateProvider>();
        return builder;
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Method != HttpMethods.Get)
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static void ConfigureOidc(OpenIdConnectOptions o, OidcOptions oidc)
    {
        o.Authority = oidc.Authority;
        o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        o.ClientId = oidc.ClientId;
        o.ClientSecret = oidc.ClientSecret;
        o.ResponseType = "code";
        o.UsePkce = true;
        o.SaveTokens = false;
        o.SignInScheme = StaffSchemes.Sso;
        o.CallbackPath = "/signin-oidc";
        o.Scope.Add("email");
        // Keep the provider's claim names, so RoleClaim and "email" mean what they say in its tokens.
        o.MapInboundClaims = false;
        o.TokenValidationParameters.RoleClaimType = oidc.RoleClaim;
        // The audit trail and "decided by" name a person by email, as they do for local accounts.
        o.TokenValidationParameters.NameClaimType = "email";
        o.Events.OnTokenValidated = context =>
        {
            var time = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
            if (context.Principal?.Identity is not ClaimsIdentity identity) return Task.CompletedTask;
            var roles = oidc.PortalRoles(identity.FindAll(oidc.RoleClaim).Select(c => c.Value));
            if (roles.Count == 0 || identity.FindFirst("email") is null)
            {
                context.Fail("The single sign-on account has no email or no portal role.");
                return Task.CompletedTask;
            }
            foreach (var claim in identity.FindAll(oidc.RoleClaim).ToList()) identity.RemoveClaim(claim);
            foreach (var role in roles) identity.AddClaim(new Claim(oidc.RoleClaim, role));
            identity.AddClaim(new Claim(StaffClaims.SingleSignOn, "true"));
            identity.AddClaim(new Claim(StaffClaims.SignedInAt, time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return Task.CompletedTask;
        };
        o.Events.OnRemoteFailure = context =>
        {
            context.HandleResponse();
            context.Response.Redirect("/account/login?error=sso");
            return Task.CompletedTask;
        };
    }
}
