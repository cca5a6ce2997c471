using TalkdeskPortal.Talkdesk;

namespace TalkdeskPortal.Tests.Components;

/// <summary>Talkdesk tokens for pages that never call Talkdesk: an erase only forgets cached ones.</summary>
public sealed class NoTokens : ITalkdeskTokenProvider
{
    public Task<string> GetTokenAsync(TalkdeskConnection connection, CancellationToken ct) => throw new NotSupportedException();

    public void Invalidate(TalkdeskConnection connection) { }

    public void Forget(string installationId) { }
}
