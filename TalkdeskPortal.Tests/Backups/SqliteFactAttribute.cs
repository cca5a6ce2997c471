using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Backups;

/// <summary>A test of the portal's own SQLite backups: on PostgreSQL pg_dump does that work, so it is skipped there.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestProvider.IsPostgreSql) Skip = "SQLite backups only; on PostgreSQL backups are pg_dump's";
    }
}
