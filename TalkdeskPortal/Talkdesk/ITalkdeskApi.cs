using System.Text.Json;

namespace TalkdeskPortal.Talkdesk;

/// <summary>The Talkdesk endpoints the lifecycle uses. Each call gets a token for the connection itself.</summary>
public interface ITalkdeskApi
{
    Task<TalkdeskAccount> GetAccountAsync(TalkdeskConnection connection, CancellationToken ct);

    Task<TalkdeskInstallation> GetInstallationAsync(TalkdeskConnection connection, CancellationToken ct);

    /// <summary>Every licensed user, following <c>_links.next</c> through all HAL pages.</summary>
    Task<IReadOnlyList<TalkdeskUser>> GetLicensedUsersAsync(TalkdeskConnection connection, CancellationToken ct);

    /// <summary>Null when Talkdesk has no subscription for the installation (404).</summary>
    Task<TalkdeskSubscription?> GetSubscriptionAsync(TalkdeskConnection connection, CancellationToken ct);

    Task<TalkdeskInstallationState> SetInstallationStateAsync(
        TalkdeskConnection connection, InstallationDecision decision, string? reason, CancellationToken ct);

    Task AcknowledgeCredentialsAsync(TalkdeskConnection connection, string clientId, CancellationToken ct);

    /// <summary>The event as Talkdesk has it, or null when Talkdesk does not know it (404).</summary>
    Task<JsonElement?> GetEventAsync(TalkdeskConnection connection, string eventId, CancellationToken ct);
}
