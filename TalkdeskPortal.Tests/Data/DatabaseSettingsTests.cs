using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Data;

public sealed class DatabaseSettingsTests : PortalTestBase
{
    [Fact]
    public async Task EveryConnection_WaitsInsideSqlite_AndTheFileIsInWalMode()
    {
        await using var db = Portal.Db();
        await db.Database.OpenConnectionAsync();

        // Without a busy timeout, Microsoft.Data.Sqlite retries a locked write after 150 ms sleeps.
        Assert.Equal(5000L, await Scalar(db, "PRAGMA busy_timeout;"));
        Assert.Equal("wal", await Scalar(db, "PRAGMA journal_mode;"));
        // What any connection frees is zeroed, so erased personal data does not stay in free pages (docs/retention.md).
        Assert.Equal(1L, await Scalar(db, "PRAGMA secure_delete;"));
    }

    private static async Task<object?> Scalar(DbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
