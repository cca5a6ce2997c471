using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TalkdeskPortal.Tests.Support;

/// <summary>The portal as a real process (the test's copy of TalkdeskPortal.dll), so a test can SIGKILL it.</summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;

    private PortalProcess(Process process, Uri baseUri)
    {
        _process = process;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public static async Task<PortalProcess> StartAsync(FakeTalkdeskHost talkdesk, string dataDirectory, int? port = null)
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
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var portal = new PortalProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        await portal.WaitHealthyAsync();
        return portal;
    }

    public void Kill() => _process.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no flush

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
