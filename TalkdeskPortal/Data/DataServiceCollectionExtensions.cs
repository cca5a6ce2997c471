using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TalkdeskPortal.Data.PostgreSql;

namespace TalkdeskPortal.Data;

public static class DataServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalData(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new();
        var dataDirectory = storage.ResolveDataDirectory(builder.Environment.ContentRootPath);
        Directory.CreateDirectory(dataDirectory);

        if (storage.IsPostgreSql)
        {
            // The PostgreSQL context (with its own migrations) wherever the portal asks for PortalDbContext.
            builder.Services.AddDbContextFactory<PostgresPortalDbContext>(options => options.UseNpgsql(storage.ConnectionString));
            builder.Services.AddSingleton<IDbContextFactory<PortalDbContext>, UpcastContextFactory>();
            builder.Services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<PostgresPortalDbContext>());
        }
        else
        {
            var connectionString = storage.ConnectionString
                ?? new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "portal.db") }.ToString();
            builder.Services.AddDbContextFactory<PortalDbContext>(options => options.UseSqlite(connectionString).AddInterceptors(new SqliteBusyTimeout()));
        }

        // Credentials are encrypted with these keys.
        builder.AddKeyRing(dataDirectory, storage.IsPostgreSql);

        return builder;
    }

    /// <summary>Applies pending migrations before anything reads or writes.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            // WAL lets the dashboard read while intake writes; the mode persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }
}
