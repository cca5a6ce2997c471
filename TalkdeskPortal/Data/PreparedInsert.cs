using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TalkdeskPortal.Data;

/// <summary>
/// Inserts many rows of one entity type through one prepared command inside the context's open transaction,
/// taking table, column names and value conversions from the EF model, so it follows migrations. For the
/// intake's group commit, where EF's own per-row command, tracking and key propagation cost ~100 µs a row.
/// Navigations are not followed; a generated key is read back with RETURNING (SQLite and PostgreSQL).
/// </summary>
public sealed class PreparedInsert<T> : IDisposable where T : class
{
    private readonly DbCommand _command;
    private readonly Column[] _columns;
    private readonly IProperty? _generatedKey;

    private sealed record Column(IProperty Property, IClrPropertyGetter Getter, ValueConverter? Converter, DbParameter Parameter);

    private PreparedInsert(DbCommand command, Column[] columns, IProperty? generatedKey)
    {
        _command = command;
        _columns = columns;
        _generatedKey = generatedKey;
    }

    /// <param name="skipExisting">A row whose key (or any unique index) already exists is skipped, not an error.</param>
    public static PreparedInsert<T> Create(DbContext db, bool skipExisting = false)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var generatedKey = entity.FindPrimaryKey()!.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } key] ? key : null;
        var connection = db.Database.GetDbConnection();
        var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Begin a transaction first: the rows commit together.");

        var columns = new List<Column>();
        foreach (var property in entity.GetProperties().Where(p => p != generatedKey))
        {
            if (property.IsShadowProperty()) throw new InvalidOperationException($"{typeof(T).Name}.{property.Name} is a shadow property.");
            var parameter = command.CreateParameter();
            parameter.ParameterName = sql.GenerateParameterName($"p{columns.Count}");
            command.Parameters.Add(parameter);
            columns.Add(new Column(property, property.GetGetter(), property.GetTypeMapping().Converter, parameter));
        }

        command.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} " +
            $"({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(table)!)))}) " +
            $"VALUES ({string.Join(", ", columns.Select(c => sql.GenerateParameterNamePlaceholder(c.Parameter.ParameterName)))})" +
            (skipExisting ? " ON CONFLICT DO NOTHING" : "") +
            (generatedKey is null ? "" : $" RETURNING {sql.DelimitIdentifier(generatedKey.GetColumnName(table)!)}");
        return new PreparedInsert<T>(command, [.. columns], generatedKey);
    }

    /// <summary>Inserts the row; returns false if it was skipped as existing. A generated key is set on the entity.</summary>
    public async Task<bool> InsertAsync(T row, CancellationToken ct)
    {
        foreach (var column in _columns)
        {
            var value = column.Getter.GetClrValueUsingContainingEntity(row);
            if (value is not null && column.Converter is { } converter) value = converter.ConvertToProvider(value);
            column.Parameter.Value = value ?? DBNull.Value;
        }
        if (_generatedKey is null) return await _command.ExecuteNonQueryAsync(ct) > 0;

        var key = await _command.ExecuteScalarAsync(ct);
        if (key is null or DBNull) return false;
        _generatedKey.PropertyInfo!.SetValue(row, Convert.ChangeType(key, _generatedKey.ClrType, System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }

    public void Dispose() => _command.Dispose();
}
