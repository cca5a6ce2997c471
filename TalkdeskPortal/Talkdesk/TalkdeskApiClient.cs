using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace TalkdeskPortal.Talkdesk;

/// <summary>
/// The typed Talkdesk client. Paths are appended to the event's API root; every call carries the
/// installation's token, and a 401 gets one new token and one resend.
/// </summary>
public sealed class TalkdeskApiClient(HttpClient http, ITalkdeskTokenProvider tokens) : ITalkdeskApi
{
    private const int PageSize = 100;
    private const int MaxPages = 1000;

    public async Task<TalkdeskAccount> GetAccountAsync(TalkdeskConnection c, CancellationToken ct) =>
        TalkdeskJson.Account(await GetJsonAsync(c, "account", ct));

    public async Task<TalkdeskInstallation> GetInstallationAsync(TalkdeskConnection c, CancellationToken ct) =>
        TalkdeskJson.Installation(await GetJsonAsync(c, InstallationPath(c), ct));

    public async Task<IReadOnlyList<TalkdeskUser>> GetLicensedUsersAsync(TalkdeskConnection c, CancellationToken ct)
    {
        var users = new List<TalkdeskUser>();
        Uri? next = TalkdeskEndpoints.Combine(c.ApiRoot, $"{InstallationPath(c)}/users?page=1&per_page={PageSize}");
        for (var page = 0; next is not null; page++)
        {
            if (page == MaxPages) throw new TalkdeskApiException("Talkdesk returned more user pages than expected.") { Permanent = true };
            var body = await SendJsonAsync(c, () => new HttpRequestMessage(HttpMethod.Get, next), ct);
            users.AddRange(TalkdeskJson.Users(body!.Value));
            next = NextPage(c, body.Value);
        }
        return users;
    }

    public async Task<TalkdeskSubscription?> GetSubscriptionAsync(TalkdeskConnection c, CancellationToken ct)
    {
        var body = await SendJsonAsync(c, () => Get(c, $"{InstallationPath(c)}/subscription"), ct, allowNotFound: true);
        return body is { } json ? TalkdeskJson.Subscription(json) : null;
    }

    public async Task<TalkdeskInstallationState> SetInstallationStateAsync(TalkdeskConnection c, InstallationDecision decision,
        string? reason, CancellationToken ct)
    {
        object payload = decision == InstallationDecision.Approve
            ? new { state = "approve" }
            : new { state = "reject", reason = reason ?? "" };
        var body = await SendJsonAsync(c, () => Post(c, $"{InstallationPath(c)}/state", payload), ct);
        return TalkdeskJson.State(body!.Value);
    }

    public async Task AcknowledgeCredentialsAsync(TalkdeskConnection c, string clientId, CancellationToken ct) =>
        await SendJsonAsync(c, () => Post(c, $"{InstallationPath(c)}/credentials/{Uri.EscapeDataString(clientId)}/state",
            new { state = "acknowledged" }), ct);

    public Task<JsonElement?> GetEventAsync(TalkdeskConnection c, string eventId, CancellationToken ct) =>
        SendJsonAsync(c, () => Get(c, $"apps/{Uri.EscapeDataString(c.AppId)}/events/{Uri.EscapeDataString(eventId)}"), ct, allowNotFound: true);

    private async Task<JsonElement> GetJsonAsync(TalkdeskConnection c, string path, CancellationToken ct) =>
        (await SendJsonAsync(c, () => Get(c, path), ct))!.Value;

    private async Task<JsonElement?> SendJsonAsync(TalkdeskConnection c, Func<HttpRequestMessage> build, CancellationToken ct,
        bool allowNotFound = false)
    {
        using var response = await SendAuthorizedAsync(c, build, ct);
        if (allowNotFound && response.StatusCode == HttpStatusCode.NotFound) return null;
        if (!response.IsSuccessStatusCode) throw await TalkdeskJson.ErrorAsync(response, ct);
        if (response.Content.Headers.ContentLength == 0) return default(JsonElement);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (string.IsNullOrWhiteSpace(text)) return default(JsonElement);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private async Task<HttpResponseMessage> SendAuthorizedAsync(TalkdeskConnection c, Func<HttpRequestMessage> build, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = build();
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(c, ct));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            var response = await SendAsync(request, ct);
            if (response.StatusCode != HttpStatusCode.Unauthorized || attempt > 0) return response;
            // Tokens can be revoked before they expire: fetch a new one and resend once.
            response.Dispose();
            tokens.Invalidate(c);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        try
        {
            return await http.SendAsync(request, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException
                                       || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw new TalkdeskApiException($"Talkdesk did not answer {request.Method} {request.RequestUri?.AbsolutePath}: {ex.Message}", null, ex);
        }
    }

    private static HttpRequestMessage Get(TalkdeskConnection c, string path) =>
        new(HttpMethod.Get, TalkdeskEndpoints.Combine(c.ApiRoot, path));

    private static HttpRequestMessage Post(TalkdeskConnection c, string path, object payload) =>
        new(HttpMethod.Post, TalkdeskEndpoints.Combine(c.ApiRoot, path)) { Content = JsonContent.Create(payload) };

    private static string InstallationPath(TalkdeskConnection c) =>
        $"apps/{Uri.EscapeDataString(c.AppId)}/installations/{Uri.EscapeDataString(c.InstallationId)}";

    // A next link may be absolute, or relative: to the host when it already carries the root's path, otherwise
    // to the API root like every endpoint path (TALKDESK.md §5b: a root with a path keeps it). Never another authority.
    internal static Uri? NextPage(TalkdeskConnection c, JsonElement body)
    {
        if (!body.TryGetProperty("_links", out var links) || !links.TryGetProperty("next", out var next)
            || !next.TryGetProperty("href", out var href) || href.GetString() is not { Length: > 0 } text) return null;
        var rootPath = c.ApiRoot.AbsolutePath.TrimEnd('/');
        var url = text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? new Uri(text)
            : text.StartsWith('/') && (rootPath.Length == 0 || text.StartsWith(rootPath + "/", StringComparison.Ordinal))
                ? new Uri(c.ApiRoot, text)
                : TalkdeskEndpoints.Combine(c.ApiRoot, text);
        if (!string.Equals(url.Authority, c.ApiRoot.Authority, StringComparison.OrdinalIgnoreCase) || url.Scheme != c.ApiRoot.Scheme)
            throw new TalkdeskApiException("Talkdesk's next-page link points to another host.") { Permanent = true };
        return url;
    }
}
