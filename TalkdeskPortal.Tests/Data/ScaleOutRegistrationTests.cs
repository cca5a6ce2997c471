using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TalkdeskPortal.Data.PostgreSql;

namespace TalkdeskPortal.Tests.Data;

public sealed class ScaleOutRegistrationTests
{
    [Fact]
    public void OnSqlite_NothingIsAdded()
    {
        var builder = Builder(new() { ["Storage:Provider"] = "Sqlite" });
        var before = builder.Services.Count;

        builder.AddScaleOut();

        Assert.Equal(before, builder.Services.Count);
    }

    [Fact]
    public void OnPostgreSql_TheSenderAndTheListenerRun()
    {
        var builder = Builder(new() { ["Storage:Provider"] = "PostgreSql", ["Storage:ConnectionString"] = "Host=127.0.0.1;Database=portal" });

        builder.AddScaleOut();

        var hosted = builder.Services.Where(s => s.ServiceType == typeof(IHostedService)).Select(s => s.ImplementationType).ToList();
        Assert.Contains(typeof(ChangeSender), hosted);
        Assert.Contains(typeof(ChangeListener), hosted);
    }

    private static WebApplicationBuilder Builder(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateEmptyBuilder(new());
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }
}
