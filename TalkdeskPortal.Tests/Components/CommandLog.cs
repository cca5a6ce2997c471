using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TalkdeskPortal.Data;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Components;

/// <summary>A migrated SQLite file whose contexts record every SQL command they run.</summary>
public sealed class CommandLog : DbCommandInterceptor, IDbContextFactory<PortalDbContext>
{
    private readonly ConcurrentQueue<string> _commands = new();
    private readonly DbContextOptions<PortalDbContext> _options;

    public CommandLog()
    {
        var connection = $"Data Source={Path.Combine(TestData.NewDirectory(), "portal.db")}";
        _options = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite(connection).AddInterceptors(this).Options;
        using var db = CreateDbContext();
        db.Database.Migrate();
        Clear();
    }

    public IReadOnlyCollection<string> Commands => _commands;

    public void Clear() => _commands.Clear();

    public PortalDbContext CreateDbContext() => new(_options);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        _commands.Enqueue(command.CommandText);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }
}
