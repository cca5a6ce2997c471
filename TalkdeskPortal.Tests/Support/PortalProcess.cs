using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TalkdeskPortal.Tests.Support;

/// <summary>The portal as a real process (the test's copy of TalkdeskPortal.dll), so a test can SIGKILL it.</summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter? _output;

    private PortalProcess(Process process, Uri baseUri, StreamWriter? output)
    {
        _process = process;
        BaseUri = baseUri;
        _output = output;
    }

    public Uri BaseUri { get; }

    public int Port => BaseUri.Port;

    /// <param name="settings">Extra configuration (<c>Section:Key</c>), set as environment variables after the defaults.</param>
    /// <param name="connectionString">A PostgreSQL database to use instead of the data folder's own (several instances on one).</param>
    /// <param name="outputFile">Where the portal's stdout and stderr go, appended line by line (a restart adds to the same file).</param>
    /// <param name="startTimeout">How long to wait for /healthz (60 s unless given: a loaded machine may need more).</param>
    public static async Task<PortalProcess> StartAsync(FakeTalkdeskHost talkdesk, string dataDirectory, int? port = null,
        IReadOnlyDictionary<string, string>? settings = null, string? connectionString = null, string? outputFile = null,
        TimeSpan? startTimeout = null)
    {
        port ??= FreePort();
        var folder = AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(folder, "TalkdeskPortal.dll")}\"")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        env["ASPNETCORE_CONTENTROOT"] = folder;
        env["Storage__DataDirectory"] = dataDirectory;
        env["Talkdesk__AppIds__0"] = talkdesk.Fake.AppId;
        env["Talkdesk__TokenUrlTemplate"] = talkdesk.TokenUrlTemplate;
        env["Talkdesk__RegionDomains__0"] = "127.0.0.1";
        env["Talkdesk__AllowedApiHosts__0"] = talkdesk.ApiRoot.Authority;
        env["Talkdesk__Http__RetryBaseDelay"] = "00:00:00.050";
        env["Logging__LogLevel__Default"] = "Warning";
        var storage = connectionString is null
            ? TestProvider.Settings(dataDirectory)
            : [new("Storage:Provider", "PostgreSql"), new("Storage:ConnectionString", connectionString)];
        foreach (var (key, value) in storage.Concat(settings ?? new Dictionary<string, string>())) env[key.Replace(":", "__")] = value;
        var output = outputFile is null ? null : new StreamWriter(outputFile, append: true) { AutoFlush = true };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Write(output, e.Data);
        process.ErrorDataReceived += (_, e) => Write(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var portal = new PortalProcess(process, new Uri($"http://127.0.0.1:{port}/"), output);
        try
        {
            await portal.WaitHealthyAsync(startTimeout ?? TimeSpan.FromSeconds(60));
        }
        catch
        {
            await portal.DisposeAsync(); // no orphan process on a failed start
            throw;
        }
        return portal;
    }

    public void Kill() => _process.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no flush

    private static void Write(StreamWriter? output, string? line)
    {
        if (output is null || line is null) return;
        lock (output)
        {
            try { output.WriteLine(line); }
            catch (ObjectDisposedException) { } // a line that arrives after the test let go of the file
        }
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The portal exited with {_process.ExitCode}.");
            try
            {
                if ((await http.GetAsync("healthz")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException("The portal did not become healthy.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(); // also waits for the last lines of output to be read
        _process.Dispose();
        if (_output is not null)
            lock (_output) _output.Dispose();
    }
}
