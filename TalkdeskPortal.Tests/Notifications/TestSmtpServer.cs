using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace TalkdeskPortal.Tests.Notifications;

/// <summary>A real SMTP server in the test process (the SmtpServer package) on a loopback port that stays the same across stop and start.</summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private SmtpServer.SmtpServer? _server;
    private CancellationTokenSource? _stop;
    private Task? _running;

    public int Port { get; } = FreePort();
    public IReadOnlyList<ReceivedMail> Received => _received.ToArray();

    public void Start()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _stop = new CancellationTokenSource();
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public async Task StopAsync()
    {
        if (_server is null) return;
        _server.Shutdown();
        _stop!.Cancel();
        try
        {
            await _running!.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
        {
        }
        _server = null;
    }

    public async Task<ReceivedMail> WaitForAsync(Func<ReceivedMail, bool> match, int timeoutMs = 15_000)
    {
        var until = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (DateTime.UtcNow < until)
        {
            if (Received.FirstOrDefault(match) is { } mail) return mail;
            await Task.Delay(10);
        }
        throw new TimeoutException($"No matching mail; received {Received.Count}: {string.Join(" | ", Received.Select(m => $"{m.To}: {m.Subject}"))}");
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class Store(TestSmtpServer owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var at = Stopwatch.GetTimestamp();
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            owner._received.Enqueue(new ReceivedMail(message.To.Mailboxes.First().Address, message.Subject, message.TextBody ?? "", at, DateTimeOffset.UtcNow));
            return SmtpResponse.Ok;
        }
    }
}

/// <summary>One mail as the server got it; <see cref="At"/> is a Stopwatch timestamp, for latency.</summary>
public sealed record ReceivedMail(string To, string Subject, string Body, long At, DateTimeOffset ReceivedAt);
