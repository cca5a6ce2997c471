using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using TalkdeskPortal.Data;
using TalkdeskPortal.Data.PostgreSql;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Data;

/// <summary>Two instances (two lock services on one database) never hold one account at once; a crash lets go.</summary>
public sealed class AdvisoryLocksTests
{
    private static AdvisoryLocks Instance(string connection) =>
        new(Options.Create(new StorageOptions { Provider = StorageProvider.PostgreSql, ConnectionString = connection }), NullLogger<AdvisoryLocks>.Instance);

    [PostgresFact]
    public async Task A_second_instance_is_refused_until_the_first_lets_go()
    {
        var connection = TestProvider.ConnectionString(TestData.NewDirectory());
        await using var a = Instance(connection);
        await using var b = Instance(connection);

        var held = await a.TryAcquireAsync("account", "acc-1", CancellationToken.None);
        Assert.NotNull(held);
        Assert.Null(await b.TryAcquireAsync("account", "acc-1", CancellationToken.None));
        await using (var other = await b.TryAcquireAsync("account", "acc-2", CancellationToken.None)) Assert.NotNull(other);
        await using (var otherScope = await b.TryAcquireAsync("product", "acc-1", CancellationToken.None)) Assert.NotNull(otherScope);

        await held!.DisposeAsync();
        await using var taken = await b.TryAcquireAsync("account", "acc-1", CancellationToken.None);
        Assert.NotNull(taken);
    }

    [PostgresFact]
    public async Task A_crashed_holder_lets_go_when_its_connection_ends()
    {
        var connection = TestProvider.ConnectionString(TestData.NewDirectory());
        await using var a = Instance(connection);
        await using var b = Instance(connection);
        var held = await a.TryAcquireAsync("account", "acc-crash", CancellationToken.None);
        Assert.NotNull(held);

        // What a SIGKILL does to the holder's session: the server ends it.
        await using (var admin = new NpgsqlConnection(connection))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND pid <> pg_backend_pid()", admin);
            await kill.ExecuteNonQueryAsync();
        }

        IAsyncDisposable? taken = null;
        for (var i = 0; i < 50 && taken is null; i++)
        {
            taken = await b.TryAcquireAsync("account", "acc-crash", CancellationToken.None);
            if (taken is null) await Task.Delay(100);
        }
        Assert.NotNull(taken);
        await taken!.DisposeAsync();
        await held!.DisposeAsync(); // its connection is gone: releasing must not throw
    }

    [Fact]
    public void Keys_are_stable_and_scoped()
    {
        Assert.Equal(AdvisoryLocks.Key("account", "x"), AdvisoryLocks.Key("account", "x"));
        Assert.NotEqual(AdvisoryLocks.Key("account", "x"), AdvisoryLocks.Key("product", "x"));
        Assert.Equal(-5664467676931039413, AdvisoryLocks.Key("account", "acc-1")); // the same in every instance and release
    }
}
