using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace Bench;

/// <summary>
/// Bulk load for the PostgreSQL seed only: rows of one entity type through a binary COPY, with table, column names,
/// value conversions and column types taken from the EF model (as <c>PreparedInsert</c> does for single rows).
/// A generated key is left to the database unless <c>includeKey</c> (then the caller sets it and moves the
/// identity sequence on with <see cref="ResetIdentityAsync"/>).
/// </summary>
internal static class PgCopy
{
    private sealed record Column(IProperty Property, IClrPropertyGetter Getter, ValueConverter? Converter, string DataType);

    public static async Task WriteAsync<T>(DbContext db, IEnumerable<T> rows, bool includeKey = false) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var generatedKey = entity.FindPrimaryKey()!.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } key] ? key : null;
        var columns = entity.GetProperties()
            .Where(p => includeKey || p != generatedKey)
            .Select(p => p.IsShadowProperty()
                ? throw new InvalidOperationException($"{typeof(T).Name}.{p.Name} is a shadow property.")
                : new Column(p, p.GetGetter(), p.GetTypeMapping().Converter, StripFacets(p.GetRelationalTypeMapping().StoreType)))
            .ToArray();

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var copy = $"COPY {Quote(table.Name)} ({string.Join(", ", columns.Select(c => Quote(c.Property.GetColumnName(table)!)))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy);
        foreach (var row in rows)
        {
            await importer.StartRowAsync();
            foreach (var column in columns)
            {
                var value = column.Getter.GetClrValueUsingContainingEntity(row);
                if (value is not null && column.Converter is { } converter) value = converter.ConvertToProvider(value);
                if (value is null) await importer.WriteNullAsync();
                else await importer.WriteAsync(value, column.DataType);
            }
        }
        await importer.CompleteAsync();
    }

    /// <summary>After rows were copied with their keys: the identity continues after the largest one.</summary>
    public static async Task ResetIdentityAsync<T>(DbContext db) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var key = Quote(entity.FindPrimaryKey()!.Properties[0].GetColumnName(table)!);
        var name = Quote(table.Name);
        // Identifiers from the EF model, not input.
        var sql = $"SELECT setval(pg_get_serial_sequence('{name}', '{key.Trim('"')}'), (SELECT COALESCE(MAX({key}), 0) + 1 FROM {name}), false)";
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    // "character varying(100)" -> "character varying": Npgsql wants the type's name without its facets.
    private static string StripFacets(string storeType) => storeType.IndexOf('(') is var i and >= 0 ? storeType[..i].TrimEnd() : storeType;
}
