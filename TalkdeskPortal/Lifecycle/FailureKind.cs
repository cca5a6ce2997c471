using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Talkdesk;

namespace TalkdeskPortal.Lifecycle;

/// <summary>Transient failures are retried on the schedule until the deadline; permanent ones park the request as Failed.</summary>
public static class FailureKind
{
    public static bool IsTransient(Exception ex) => ex switch
    {
        // No status: no answer at all (timeout, refused or reset connection, DNS).
        TalkdeskApiException { Permanent: true } => false,
        TalkdeskApiException { StatusCode: null } => true,
        TalkdeskApiException { StatusCode: { } status } => (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests,
        HttpRequestException or TimeoutException or IOException => true,
        // Reaches here only when it was not our shutdown: a timeout somewhere below gave up.
        OperationCanceledException => true,
        DbException => true, // the database was busy or briefly unavailable
        DbUpdateConcurrencyException => false,
        DbUpdateException { InnerException: DbException } => true,
        _ => false,
    };

    public static TimeSpan? RetryAfter(Exception ex) => (ex as TalkdeskApiException)?.RetryAfter;
}
