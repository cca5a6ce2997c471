using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace TalkdeskPortal.Staff;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // A form post, so anti-forgery is checked.
        app.MapPost("/account/logout", async ([FromForm] string? returnUrl, HttpContext http, SignInManager<StaffUser> signIn) =>
        {
            await signIn.SignOutAsync();
            await http.SignOutAsync(StaffSchemes.Sso);
            return Results.LocalRedirect("/account/login");
        });
        app.MapGet("/account/sso", (string? returnUrl) =>
                Results.Challenge(new AuthenticationProperties { RedirectUri = SafeReturn(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme]))
            .AllowAnonymous();
        return app;
    }

    /// <summary>
    /// The return URL if the framework's local-URL rules accept it (no "//", "/\", control characters or
    /// scheme), else "/". "~/" paths are refused too: they are only meaningful to LocalRedirect.
    /// </summary>
    public static string SafeReturn(string? returnUrl) =>
        returnUrl is ['/', ..] && RedirectHttpResult.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
