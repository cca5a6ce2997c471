using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Bench;

/// <summary>
/// While <see cref="Active"/>, prints the plan of every query EF is about to run: the same command (its text and its
/// parameters) run once more with EXPLAIN in front. PostgreSQL: EXPLAIN (ANALYZE, BUFFERS), which also runs it;
/// SQLite: EXPLAIN QUERY PLAN.
/// </summary>
internal sealed class ExplainInterceptor(bool postgres) : DbCommandInterceptor
{
    public bool Active { get; set; }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (Active) await ExplainAsync(command, cancellationToken);
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        if (Active) await ExplainAsync(command, cancellationToken);
        return result;
    }

    private async Task ExplainAsync(DbCommand command, CancellationToken ct)
    {
        var text = command.CommandText;
        Console.WriteLine("```sql");
        Console.WriteLine(text.Trim());
        foreach (DbParameter p in command.Parameters) Console.WriteLine($"-- {p.ParameterName} = {Show(p.Value)}");
        Console.WriteLine("```");
        command.CommandText = (postgres ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN QUERY PLAN ") + text;
        try
        {
            Console.WriteLine("```");
            await using var reader = await command.ExecuteReaderAsync(ct);
            // PostgreSQL: one text column; SQLite: id, parent, notused, detail.
            while (await reader.ReadAsync(ct)) Console.WriteLine(postgres ? reader.GetString(0) : reader.GetString(3));
            Console.WriteLine("```");
        }
        finally
        {
            command.CommandText = text;
        }
    }

    private static string Show(object? value) => value switch
    {
        null or DBNull => "NULL",
        string s => $"'{s}'",
        System.Collections.IEnumerable e => "{" + string.Join(", ", e.Cast<object>().Select(Show)) + "}",
        DateTimeOffset d => d.ToString("O"),
        _ => value.ToString() ?? "",
    };
}
