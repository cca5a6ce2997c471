using Npgsql;

namespace TalkdeskPortal.Data.PostgreSql;

/// <summary>
/// Several portal instances on one PostgreSQL: each tells the others of its request changes (NOTIFY) and hears
/// theirs (LISTEN), so an open page on any instance shows a change made on another. SQLite means one instance:
/// nothing is added.
/// </summary>
public static class ScaleOutServiceCollectionExtensions
{
    public const string DataSourceKey = "scale-out";

    public static WebApplicationBuilder AddScaleOut(this WebApplicationBuilder builder)
    {
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new();
        if (!storage.IsPostgreSql) return builder;

        var services = builder.Services;
        services.AddSingleton<PortalInstance>();
        // A pool apart from EF's (the listener holds its connection for the app's life); DI disposes it with the app.
        services.AddKeyedSingleton(DataSourceKey, (sp, _) => NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(storage.ConnectionString)
        {
            ApplicationName = sp.GetRequiredService<PortalInstance>().ApplicationName,
            // A listening connection that died silently (no FIN from a lost host) is noticed within a minute.
            KeepAlive = 30,
        }));
        services.AddHostedService<ChangeSender>();
        services.AddHostedService<ChangeListener>();
        return builder;
    }
}
