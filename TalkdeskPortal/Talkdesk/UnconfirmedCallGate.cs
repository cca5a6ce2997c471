using Microsoft.Extensions.Options;

namespace TalkdeskPortal.Talkdesk;

/// <summary>
/// Caps how many events not yet confirmed by Talkdesk may be calling out at once (token request plus the GET of the
/// event). A flood of forged events then waits here instead of making the portal hammer token endpoints; confirmed
/// work never passes through it. Read once at start: changing the cap needs a restart.
/// </summary>
public sealed class UnconfirmedCallGate(IOptions<TalkdeskOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.UnconfirmedConcurrency, options.Value.UnconfirmedConcurrency);

    public int Available => _slots.CurrentCount;

    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        return new Slot(_slots);
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) slots.Release();
        }
    }
}
