using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Options;
using TalkdeskPortal.Data;

namespace TalkdeskPortal.Lifecycle.Jobs;

/// <summary>
/// Hangfire's storage for the configured provider. SQLite: its own file beside the database, so its locks never
/// contend with intake. PostgreSQL: its own schema in the portal's database, woken by LISTEN/NOTIFY rather than
/// waiting for the next poll.
/// </summary>
public static class JobStorageFactory
{
    public static JobStorage Create(IServiceProvider services)
    {
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var jobs = services.GetRequiredService<IOptions<JobOptions>>().Value;
        if (storage.IsPostgreSql)
        {
            var options = new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                QueuePollInterval = jobs.PollInterval,
                PrepareSchemaIfNecessary = true,
                EnableLongPolling = true,
            };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(storage.ConnectionString!, options), options);
        }
        var contentRoot = services.GetRequiredService<IWebHostEnvironment>().ContentRootPath;
        var path = Path.Combine(storage.ResolveDataDirectory(contentRoot), "hangfire.db");
        return new SQLiteStorage(path, new SQLiteStorageOptions { QueuePollInterval = jobs.PollInterval });
    }
}
