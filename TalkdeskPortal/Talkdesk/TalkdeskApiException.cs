using System.Net;

namespace TalkdeskPortal.Talkdesk;

/// <summary>A Talkdesk call failed: an error answer (with its status), or no answer at all (no status).</summary>
public sealed class TalkdeskApiException(string message, HttpStatusCode? statusCode = null, Exception? inner = null)
    : Exception(message, inner)
{
    public HttpStatusCode? StatusCode { get; } = statusCode;

    // How long Talkdesk asked us to wait (429/503 Retry-After), when it said.
    public TimeSpan? RetryAfter { get; init; }

    // Retrying cannot help (a configuration or a hostile answer, not an outage), though no status says so.
    public bool Permanent { get; init; }

    // The token endpoint's OAuth error code (invalid_client, invalid_grant, …), when it answered with one.
    public string? OAuthError { get; init; }

    /// <summary>Talkdesk does not accept these credentials at all (not a replayed or malformed assertion of ours).</summary>
    public bool CredentialsRefused =>
        StatusCode == HttpStatusCode.Unauthorized ||
        (StatusCode == HttpStatusCode.BadRequest && OAuthError is "invalid_client" or "unauthorized_client");
}
