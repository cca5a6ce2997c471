using System.Net;
using System.Text.RegularExpressions;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Staff;

/// <summary>A staff member's browser without the browser: cookies, the sign-in form, and the page's anti-forgery token.</summary>
public sealed partial class StaffHttp : IDisposable
{
    public const string AdminEmail = "admin@test.example";
    public const string Password = "Correct-Horse-9";

    private StaffHttp(HttpClient client) => Client = client;

    public HttpClient Client { get; }

    public static StaffHttp Anonymous(PortalApp portal) => Anonymous(portal.Http.BaseAddress!);

    /// <summary>A browser for any address (a portal process, or nginx in front of several).</summary>
    public static StaffHttp Anonymous(Uri baseAddress) =>
        new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = baseAddress });

    public static Task<StaffHttp> SignInAsync(PortalApp portal, string email = AdminEmail, string password = Password) =>
        SignInAsync(portal.Http.BaseAddress!, email, password);

    public static async Task<StaffHttp> SignInAsync(Uri baseAddress, string email = AdminEmail, string password = Password)
    {
        var staff = Anonymous(baseAddress);
        using var response = await staff.PostLoginAsync("/account/login", email, password);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        return staff;
    }

    /// <summary>Fills in and posts the sign-in form at <paramref name="url"/> (which may carry a returnUrl).</summary>
    public async Task<HttpResponseMessage> PostLoginAsync(string url, string email = AdminEmail, string password = Password)
    {
        var token = await TokenAsync("/account/login");
        return await Client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>The anti-forgery token a page rendered for this session (the sign-out form carries one on every page).</summary>
    public async Task<string> TokenAsync(string page = "/")
    {
        var html = await Client.GetStringAsync(page);
        return TokenField().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException($"no token on {page}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    public void Dispose() => Client.Dispose();
}
