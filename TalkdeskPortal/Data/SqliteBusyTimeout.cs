using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TalkdeskPortal.Data;

/// <summary>
/// Gives every SQLite connection a busy timeout, so a writer that meets another's lock waits inside SQLite
/// (sleeps of 1, 2, 5... ms) instead of Microsoft.Data.Sqlite's own retry, which sleeps 150 ms at a time: with
/// intake, jobs and pages writing one file, that retry put 150 ms on one event in ten.
/// And <c>secure_delete</c>: whatever a connection frees (a staged snapshot dropped at completion, an updated row's
/// old copy, an overflow page) is zeroed at once. Otherwise those bytes stay in free space for good, and retention
/// (docs/retention.md) could erase a customer's users from the rows but not from the file.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA busy_timeout = 5000; PRAGMA secure_delete = ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
