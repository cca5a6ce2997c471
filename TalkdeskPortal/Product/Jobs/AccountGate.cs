namespace TalkdeskPortal.Product.Jobs;

/// <summary>
/// One sender per account in this process, so an account's webhooks leave in order. Nobody waits: a caller that
/// finds the account busy marks it, and the holder takes another pass before it lets go.
/// </summary>
public sealed class AccountGate
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, bool> _held = new(StringComparer.Ordinal); // value: another pass asked for

    public bool TryEnter(string accountId)
    {
        lock (_lock)
        {
            if (_held.ContainsKey(accountId))
            {
                _held[accountId] = true;
                return false;
            }
            _held[accountId] = false;
            return true;
        }
    }

    /// <summary>False (still held) when someone knocked meanwhile: the holder looks once more, then tries again.</summary>
    public bool TryExit(string accountId)
    {
        lock (_lock)
        {
            if (_held.TryGetValue(accountId, out var again) && again)
            {
                _held[accountId] = false;
                return false;
            }
            _held.Remove(accountId);
            return true;
        }
    }

    /// <summary>Lets go whatever was asked meanwhile (after a failure; the sweep picks up what is left).</summary>
    public void Release(string accountId)
    {
        lock (_lock) _held.Remove(accountId);
    }
}
