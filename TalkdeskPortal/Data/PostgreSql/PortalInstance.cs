namespace TalkdeskPortal.Data.PostgreSql;

/// <summary>
/// This process among the portal instances on one PostgreSQL: lets it skip its own notifications and names its
/// connections in pg_stat_activity.
/// </summary>
public sealed class PortalInstance
{
    public string Id { get; } = Guid.NewGuid().ToString("N")[..12];

    public string ApplicationName => $"TalkdeskPortal changes {Id}";
}
