namespace TalkdeskPortal.Sandbox;

/// <summary>Faults the fake Talkdesk can inject into its answers, to test retries and timeouts.</summary>
public sealed class FakeFaults
{
    private readonly Lock _gate = new();
    private readonly Queue<(int Status, TimeSpan? RetryAfter)> _failures = new();
    private readonly Queue<StateReplyFault> _stateReplies = new();
    private readonly Queue<(int Status, TimeSpan? RetryAfter)> _tokenFailures = new();
    private int _hangs;

    // Added to every token and API call.
    public TimeSpan Latency { get; set; }

    internal long TokenGeneration { get; private set; }

    public void FailNext(int count, int statusCode, TimeSpan? retryAfter = null)
    {
        lock (_gate)
            for (var i = 0; i < count; i++) _failures.Enqueue((statusCode, retryAfter));
    }

    /// <summary>The next <paramref name="count"/> token requests are refused with <paramref name="statusCode"/> (e.g. 429 and a Retry-After).</summary>
    public void FailTokensNext(int count, int statusCode, TimeSpan? retryAfter = null)
    {
        lock (_gate)
            for (var i = 0; i < count; i++) _tokenFailures.Enqueue((statusCode, retryAfter));
    }

    public void HangNext(int count)
    {
        lock (_gate) _hangs += count;
    }

    /// <summary>
    /// The next <paramref name="count"/> decisions (POST .../state) are applied, then answered only after
    /// <paramref name="delay"/>: a client whose attempt timeout is shorter sees a timeout although Talkdesk applied it.
    /// </summary>
    public void DelayStateReplyNext(int count, TimeSpan delay)
    {
        lock (_gate)
            for (var i = 0; i < count; i++) _stateReplies.Enqueue(new StateReplyFault(delay, null));
    }

    /// <summary>The next <paramref name="count"/> decisions are applied, then answered with <paramref name="status"/> (a lost reply).</summary>
    public void LoseStateReplyNext(int count, int status = 502)
    {
        lock (_gate)
            for (var i = 0; i < count; i++) _stateReplies.Enqueue(new StateReplyFault(null, status));
    }

    /// <summary>
    /// The next <paramref name="count"/> decisions never reach Talkdesk: nothing is applied and the caller gets
    /// <paramref name="status"/> (a gateway that lost the request; from outside, the same 502 as a lost reply).
    /// </summary>
    public void DropStateRequestNext(int count, int status = 502)
    {
        lock (_gate)
            for (var i = 0; i < count; i++) _stateReplies.Enqueue(new StateReplyFault(null, status, Applied: false));
    }

    /// <summary>Every token issued so far stops working (401).</summary>
    public void RevokeTokens()
    {
        lock (_gate) TokenGeneration++;
    }

    public void Reset()
    {
        lock (_gate)
        {
            _failures.Clear();
            _tokenFailures.Clear();
            _stateReplies.Clear();
            _hangs = 0;
            Latency = TimeSpan.Zero;
        }
    }

    internal (int Status, TimeSpan? RetryAfter)? TakeFailure()
    {
        lock (_gate) return _failures.TryDequeue(out var failure) ? failure : null;
    }

    internal (int Status, TimeSpan? RetryAfter)? TakeTokenFailure()
    {
        lock (_gate) return _tokenFailures.TryDequeue(out var failure) ? failure : null;
    }

    internal StateReplyFault? TakeStateReplyFault()
    {
        lock (_gate) return _stateReplies.TryDequeue(out var fault) ? fault : null;
    }

    internal bool TakeHang()
    {
        lock (_gate)
        {
            if (_hangs == 0) return false;
            _hangs--;
            return true;
        }
    }

    internal sealed record StateReplyFault(TimeSpan? Delay, int? Status, bool Applied = true);
}
