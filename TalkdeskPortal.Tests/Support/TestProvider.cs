using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TalkdeskPortal.Data;
using TalkdeskPortal.Data.PostgreSql;

namespace TalkdeskPortal.Tests.Support;

/// <summary>
/// Which database the tests' portals run on. Unset: SQLite files, as shipped. With PORTAL_TEST_POSTGRES set to a
/// connection string (`.ci/run` starts a throwaway server with scripts/postgres.sh), every data folder gets its own
/// PostgreSQL database, so the same tests prove both providers.
/// </summary>
public static class TestProvider
{
    public const string Variable = "PORTAL_TEST_POSTGRES";
    private static readonly ConcurrentDictionary<string, string> Databases = new();

    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    public static bool IsPostgreSql => Server is not null;

    /// <summary>The storage settings for a portal on this data folder (none on SQLite: the folder says it all).</summary>
    public static IEnumerable<KeyValuePair<string, string>> Settings(string dataDirectory) =>
        IsPostgreSql
            ? [new("Storage:Provider", "PostgreSql"), new("Storage:ConnectionString", ConnectionString(dataDirectory))]
            : [];

    /// <summary>A database of its own for this data folder, created on first use.</summary>
    public static string ConnectionString(string dataDirectory, string? server = null)
    {
        server ??= Server ?? throw new InvalidOperationException($"{Variable} is not set.");
        return Databases.GetOrAdd(dataDirectory, _ =>
        {
            var name = "t_" + Guid.NewGuid().ToString("N")[..20];
            using (var admin = new NpgsqlConnection(server))
            {
                admin.Open();
                using var create = admin.CreateCommand();
                create.CommandText = $"CREATE DATABASE \"{name}\"";
                create.ExecuteNonQuery();
            }
            // Hundreds of test databases, each with its own pools: idle connections go after a few seconds, so the
            // server's connection limit is never reached by pools of portals that have already stopped.
            return new NpgsqlConnectionStringBuilder(server)
            {
                Database = name, MaxPoolSize = 30, ConnectionIdleLifetime = 3, ConnectionPruningInterval = 1,
            }.ConnectionString;
        });
    }

    /// <summary>A context on the portal's database for this folder, on whichever provider the tests run.</summary>
    public static PortalDbContext Open(string dataDirectory) =>
        IsPostgreSql
            ? new PostgresPortalDbContext(new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(ConnectionString(dataDirectory)).Options)
            : new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>()
                .UseSqlite($"Data Source={Path.Combine(dataDirectory, "portal.db")};Pooling=False").Options);

    /// <summary>Registers the portal's context factory for bUnit tests, as the app does for the provider.</summary>
    public static void AddPortalDb(IServiceCollection services, string dataDirectory)
    {
        if (IsPostgreSql)
        {
            var connection = ConnectionString(dataDirectory);
            services.AddDbContextFactory<PostgresPortalDbContext>(o => o.UseNpgsql(connection));
            services.AddSingleton<IDbContextFactory<PortalDbContext>, UpcastContextFactory>();
            services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<PostgresPortalDbContext>());
        }
        else
        {
            var connection = $"Data Source={Path.Combine(dataDirectory, "portal.db")}";
            services.AddDbContextFactory<PortalDbContext>(o => o.UseSqlite(connection));
        }
    }
}

/// <summary>A test that needs PostgreSQL: skipped unless PORTAL_TEST_POSTGRES names a server.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestProvider.IsPostgreSql) Skip = $"needs PostgreSQL: set {TestProvider.Variable} (see .ci/run)";
    }
}
