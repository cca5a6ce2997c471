using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Npgsql;
using TalkdeskPortal.Lifecycle.Jobs;

namespace TalkdeskPortal.Data.PostgreSql;

/// <summary>
/// Cross-instance locks as PostgreSQL session advisory locks: <c>pg_try_advisory_lock</c> on a connection kept open
/// while the lock is held. A crash closes the connection and PostgreSQL lets go; a connection that goes back to the
/// pool is reset (Npgsql's DISCARD ALL), so no lock outlives its holder either way.
/// </summary>
public sealed class AdvisoryLocks(IOptions<StorageOptions> storage, ILogger<AdvisoryLocks> logger) : ISharedLocks, IAsyncDisposable
{
    private readonly NpgsqlDataSource _source = new NpgsqlDataSourceBuilder(
        new NpgsqlConnectionStringBuilder(storage.Value.ConnectionString) { ApplicationName = "TalkdeskPortal locks" }.ConnectionString).Build();

    public async ValueTask<IAsyncDisposable?> TryAcquireAsync(string scope, string key, CancellationToken ct)
    {
        var id = Key(scope, key);
        var connection = await _source.OpenConnectionAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection) { Parameters = { new() { Value = id } } };
            if (await command.ExecuteScalarAsync(ct) is true) return new Held(connection, id, logger);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    /// <summary>A stable 64-bit key per scope and key (the same in every instance and every release).</summary>
    public static long Key(string scope, string key) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes($"{scope}\n{key}")));

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    private sealed class Held(NpgsqlConnection connection, long id, ILogger logger) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0) return;
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection) { Parameters = { new() { Value = id } } };
                await command.ExecuteScalarAsync(CancellationToken.None);
            }
            catch (Exception ex)
            {
                // Closing the connection lets go as well (the pool resets the session, or the server ends it).
                logger.LogWarning(ex, "Could not release advisory lock {Lock}; closing its connection releases it", id);
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
