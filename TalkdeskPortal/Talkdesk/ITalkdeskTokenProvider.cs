namespace TalkdeskPortal.Talkdesk;

/// <summary>Access tokens per installation, cached until shortly before they expire.</summary>
public interface ITalkdeskTokenProvider
{
    Task<string> GetTokenAsync(TalkdeskConnection connection, CancellationToken ct);

    /// <summary>Drops a token an API refused (401), so the next call fetches a new one.</summary>
    void Invalidate(TalkdeskConnection connection);

    /// <summary>Drops every cached token of an installation (uninstall, rotation).</summary>
    void Forget(string installationId);
}
