using TalkdeskPortal.Data;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.ScaleOut;

/// <summary>
/// Several portal processes on one PostgreSQL database, each with its own port and data folder (its log is
/// portal.log there), and a private nginx in front of them all.
/// </summary>
public sealed class PortalCluster : IAsyncDisposable
{
    private readonly FakeTalkdeskHost _talkdesk;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly PortalProcess?[] _instances;
    private readonly int[] _ports;

    private PortalCluster(FakeTalkdeskHost talkdesk, IReadOnlyDictionary<string, string> settings, string[] folders, string connectionString)
    {
        _talkdesk = talkdesk;
        _settings = settings;
        DataDirectories = folders;
        ConnectionString = connectionString;
        _instances = new PortalProcess?[folders.Length];
        _ports = folders.Select(_ => PortalProcess.FreePort()).ToArray();
    }

    public IReadOnlyList<string> DataDirectories { get; }
    public string ConnectionString { get; }
    public LocalNginx Nginx { get; private set; } = null!;
    public IReadOnlyList<int> Ports => _ports;
    public int Count => _instances.Length;

    public Uri InstanceUri(int n) => new($"http://127.0.0.1:{Ports[n]}/");

    public string LogFile(int n) => Path.Combine(DataDirectories[n], "portal.log");

    /// <summary>The shared database (TestProvider maps the first folder to it).</summary>
    public PortalDbContext Db() => TestDatabase.Open(DataDirectories[0]);

    /// <summary>Starts the instances one after another (the first applies the migrations), then nginx.</summary>
    public static async Task<PortalCluster> StartAsync(FakeTalkdeskHost talkdesk, int size, IReadOnlyDictionary<string, string> settings)
    {
        var folders = Enumerable.Range(0, size).Select(_ => TestData.NewDirectory()).ToArray();
        var cluster = new PortalCluster(talkdesk, settings, folders, TestProvider.ConnectionString(folders[0]));
        try
        {
            for (var n = 0; n < size; n++) await cluster.StartInstanceAsync(n);
            cluster.Nginx = await LocalNginx.StartAsync(cluster.Ports, keepLogsIn: folders[0]);
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
        return cluster;
    }

    /// <summary>SIGKILL: no shutdown, nothing flushed; the port closes with the process.</summary>
    public async Task KillAsync(int n)
    {
        var instance = _instances[n] ?? throw new InvalidOperationException($"Instance {n} is not running.");
        _instances[n] = null;
        instance.Kill();
        await instance.DisposeAsync();
    }

    /// <summary>Starts instance <paramref name="n"/> again on its old port, data folder and database.</summary>
    public Task RestartAsync(int n) => StartInstanceAsync(n);

    private async Task StartInstanceAsync(int n)
    {
        if (_instances[n] is not null) throw new InvalidOperationException($"Instance {n} is running.");
        File.AppendAllText(LogFile(n), $"==== start {DateTimeOffset.UtcNow:O} on port {_ports[n]} ====\n");
        _instances[n] = await PortalProcess.StartAsync(_talkdesk, DataDirectories[n], _ports[n], _settings, ConnectionString, LogFile(n),
            startTimeout: TimeSpan.FromMinutes(5)); // a loaded machine can take minutes to start .NET
    }

    public async ValueTask DisposeAsync()
    {
        if (Nginx is not null) await Nginx.DisposeAsync();
        for (var n = 0; n < _instances.Length; n++)
        {
            if (_instances[n] is { } instance) await instance.DisposeAsync();
            _instances[n] = null;
        }
    }
}
