using System.Collections.Concurrent;
using Duende.IdentityModel;
using Duende.IdentityModel.Client;
using Microsoft.Extensions.Options;

namespace TalkdeskPortal.Talkdesk;

/// <summary>
/// Client-credentials tokens per installation, by signed JWT assertion (or Basic as a fallback), cached
/// until shortly before they expire. Concurrent callers for one installation share one fetch.
/// </summary>
public sealed class TalkdeskTokenProvider(
    IHttpClientFactory httpClients,
    TalkdeskEndpoints endpoints,
    ClientAssertionFactory assertions,
    IOptionsMonitor<TalkdeskOptions> options,
    TimeProvider time,
    ILogger<TalkdeskTokenProvider> logger) : ITalkdeskTokenProvider
{
    public const string HttpClientName = "talkdesk-token";

    private readonly ConcurrentDictionary<(string InstallationId, string ClientId), Lazy<Task<CachedToken>>> _cache = new();

    public async Task<string> GetTokenAsync(TalkdeskConnection connection, CancellationToken ct)
    {
        var key = Key(connection);
        while (true)
        {
            var entry = _cache.GetOrAdd(key, _ => new Lazy<Task<CachedToken>>(() => FetchAsync(connection)));
            CachedToken token;
            try
            {
                token = await entry.Value.WaitAsync(ct);
            }
            catch
            {
                _cache.TryRemove(new(key, entry));
                throw;
            }
            if (token.RefreshAt > time.GetUtcNow()) return token.AccessToken;
            _cache.TryRemove(new(key, entry));
        }
    }

    public void Invalidate(TalkdeskConnection connection) => _cache.TryRemove(Key(connection), out _);

    public void Forget(string installationId)
    {
        foreach (var key in _cache.Keys.Where(k => k.InstallationId == installationId)) _cache.TryRemove(key, out _);
    }

    private async Task<CachedToken> FetchAsync(TalkdeskConnection connection)
    {
        var tokenUrl = endpoints.TokenUrlFor(connection.AccountName, connection.ApiRoot)
            ?? throw new TalkdeskApiException($"No token URL is allowed for account '{connection.AccountName}' at {connection.ApiRoot.Authority}.") { Permanent = true };
        var http = options.CurrentValue.Http;
        // Not the caller's token: a shared fetch must not die with the first caller that gives up.
        using var timeout = new CancellationTokenSource(http.TotalTimeout);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await FetchOnceAsync(connection, tokenUrl, timeout.Token);
            }
            // A Retry-After longer than this call may wait goes to the durable retry schedule, which honours it.
            catch (TalkdeskApiException ex) when (attempt < http.MaxRetryAttempts && IsTransient(ex) && !timeout.IsCancellationRequested
                                                  && !(ex.RetryAfter > http.MaxRetryAfter))
            {
                // Each try signs a new assertion (a new jti), so a lost answer never makes the next try look replayed.
                await Task.Delay(ex.RetryAfter ?? http.RetryBaseDelay * Math.Pow(2, attempt), timeout.Token);
            }
        }
    }

    private static bool IsTransient(TalkdeskApiException ex) =>
        ex.StatusCode is null || (int)ex.StatusCode >= 500 || ex.StatusCode is System.Net.HttpStatusCode.RequestTimeout or System.Net.HttpStatusCode.TooManyRequests;

    private async Task<CachedToken> FetchOnceAsync(TalkdeskConnection connection, Uri tokenUrl, CancellationToken ct)
    {
        var credentials = connection.Credentials;
        var request = new ClientCredentialsTokenRequest { Address = tokenUrl.ToString(), ClientId = credentials.ClientId };
        if (options.CurrentValue.ClientAuthentication == ClientAuthentication.Basic)
        {
            request.ClientSecret = credentials.ClientSecret;
            request.ClientCredentialStyle = ClientCredentialStyle.AuthorizationHeader;
        }
        else
        {
            request.ClientCredentialStyle = ClientCredentialStyle.PostBody;
            request.ClientAssertion = new ClientAssertion
            {
                Type = OidcConstants.ClientAssertionTypes.JwtBearer,
                Value = assertions.Create(credentials, tokenUrl),
            };
        }

        var response = await httpClients.CreateClient(HttpClientName).RequestClientCredentialsTokenAsync(request, ct);
        if (response.IsError || string.IsNullOrEmpty(response.AccessToken))
        {
            var error = response.TryGet("error") ?? response.Error;
            var reason = response.ErrorType == ResponseErrorType.Exception
                ? response.Exception?.Message
                // On a 401 Duende's Error is the reason phrase; the OAuth error (invalid_client) is in the body.
                : $"{error} {response.ErrorDescription}".Trim();
            throw new TalkdeskApiException($"Talkdesk refused a token for installation {connection.InstallationId}: {reason}",
                response.HttpStatusCode == 0 ? null : response.HttpStatusCode, response.Exception)
            {
                OAuthError = response.ErrorType == ResponseErrorType.Exception ? null : error,
                RetryAfter = TalkdeskResilience.RetryAfter(response.HttpResponse, TimeSpan.FromDays(1)),
            };
        }

        var lifetime = TimeSpan.FromSeconds(response.ExpiresIn > 0 ? response.ExpiresIn : 600);
        var margin = options.CurrentValue.TokenRefreshMargin;
        if (margin >= lifetime) margin = lifetime / 2;
        logger.LogInformation("Token issued for installation {InstallationId} (client {ClientId}), valid {Seconds} s",
            connection.InstallationId, credentials.ClientId, (int)lifetime.TotalSeconds);
        return new CachedToken(response.AccessToken, time.GetUtcNow() + lifetime - margin);
    }

    private static (string, string) Key(TalkdeskConnection connection) =>
        (connection.InstallationId, connection.Credentials.ClientId);

    private sealed record CachedToken(string AccessToken, DateTimeOffset RefreshAt);
}
