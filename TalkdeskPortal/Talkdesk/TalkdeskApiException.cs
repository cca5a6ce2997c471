using System.Net;

namespace TalkdeskPortal.Talkdesk;

/// <summary>A Talkdesk call that still failed after its retries. The message never carries secrets.</summary>
public sealed class TalkdeskApiException(string message, HttpStatusCode? statusCode = null, Exception? inner = null)
    : Exception(message, inner)
{
    public HttpStatusCode? StatusCode { get; } = statusCode;
}
