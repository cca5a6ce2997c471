using System.Diagnostics;

namespace TalkdeskPortal.Tests.Support;

/// <summary>A private nginx in front of local portal ports, started by deploy/nginx/run-local.sh (the sample site's directives).</summary>
public sealed class LocalNginx : IAsyncDisposable
{
    private readonly string _folder;
    private readonly string? _keepLogsIn;

    private LocalNginx(string folder, int port, string? keepLogsIn)
    {
        _folder = folder;
        _keepLogsIn = keepLogsIn;
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseUri { get; }

    /// <param name="keepLogsIn">A folder that receives nginx's access.log and error.log when it stops.</param>
    public static async Task<LocalNginx> StartAsync(IEnumerable<int> upstreamPorts, string? keepLogsIn = null)
    {
        var port = PortalProcess.FreePort();
        var (code, stdout, stderr) = await RunAsync(["start", port.ToString(), .. upstreamPorts.Select(p => p.ToString())]);
        if (code != 0) throw new InvalidOperationException($"run-local.sh start failed ({code}): {stderr}");
        return new LocalNginx(stdout.Trim(), port, keepLogsIn);
    }

    public static string Script
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var script = Path.Combine(dir.FullName, "deploy", "nginx", "run-local.sh");
                if (File.Exists(script)) return script;
            }
            throw new FileNotFoundException("deploy/nginx/run-local.sh not found above the test folder.");
        }
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Script);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    public async ValueTask DisposeAsync()
    {
        if (_keepLogsIn is not null)
        {
            foreach (var log in new[] { "access.log", "error.log" })
            {
                var from = Path.Combine(_folder, log);
                if (File.Exists(from)) File.Copy(from, Path.Combine(_keepLogsIn, "nginx-" + log), overwrite: true);
            }
        }
        await RunAsync(["stop", _folder]);
    }
}
