using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace TalkdeskPortal.Talkdesk;

/// <summary>
/// One retry policy for every Talkdesk call: total timeout → retries (5xx, 408, 429, network errors,
/// attempt timeouts; Retry-After honoured up to a cap; exponential backoff with jitter) → attempt timeout.
/// Other 4xx are answers, not faults, and are not retried. Unsafe methods are retried only where asked.
/// </summary>
public static class TalkdeskResilience
{
    /// <param name="retryUnsafeMethods">
    /// False for the API: a POST whose answer was lost (a 502, a timeout) may already have been applied, so it
    /// is sent once here and the caller decides what to do after reading the installation's state (TALKDESK.md §5).
    /// </param>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, TalkdeskHttpOptions http, bool retryUnsafeMethods)
    {
        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = http.TotalTimeout, Name = "talkdesk-total" });
        var retry = new HttpRetryStrategyOptions
        {
            Name = "talkdesk-retry",
            MaxRetryAttempts = http.MaxRetryAttempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = http.RetryBaseDelay,
            MaxDelay = http.MaxRetryAfter,
            ShouldRetryAfterHeader = false,
            DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter(args.Outcome.Result, http.MaxRetryAfter)),
        };
        // A Retry-After longer than the in-call cap is the request's durable schedule's to honour, not this call's.
        var transient = retry.ShouldHandle;
        retry.ShouldHandle = args => RetryAfter(args.Outcome.Result, TimeSpan.MaxValue) > http.MaxRetryAfter
            ? ValueTask.FromResult(false)
            : transient(args);
        // After ShouldHandle is final: it wraps the predicate.
        if (!retryUnsafeMethods) retry.DisableForUnsafeHttpMethods();
        // 0 turns in-call retries off: the request's durable schedule is then the only retry.
        if (http.MaxRetryAttempts > 0) pipeline.AddRetry(retry);
        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = http.AttemptTimeout, Name = "talkdesk-attempt" });
    }

    /// <summary>The server's Retry-After (seconds or a date), capped; null lets the backoff decide.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan cap)
    {
        var header = response?.Headers.RetryAfter;
        if (header is null) return null;
        var wait = header.Delta ?? (header.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (wait is null) return null;
        if (wait < TimeSpan.Zero) return TimeSpan.Zero;
        return wait > cap ? cap : wait;
    }
}
