using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using TalkdeskPortal.Lifecycle;

namespace TalkdeskPortal.Tests.ScaleOut;

/// <summary>
/// Talkdesk's deliveries in the proof: every event twice, once through nginx and once straight to another instance
/// than the one nginx uses; an event that got no 202 from either is delivered again through nginx, as Talkdesk retries.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1); // Talkdesk waits 5 and 10 minutes; the proof cannot
    private readonly HttpClient _nginx;
    private readonly HttpClient[] _instances;
    private readonly int[] _directTargets;
    // Installs and the events that follow them do not queue behind each other: Talkdesk sends both as they happen.
    private readonly SemaphoreSlim _installsInFlight = new(48);
    private readonly SemaphoreSlim _followUpsInFlight = new(24);
    private readonly CancellationToken _stop;
    private int _sent;
    private int _redeliveries;
    private int _acknowledgedInstalls;

    public WebhookSender(PortalCluster cluster, int nginxTarget, CancellationToken stop)
    {
        _nginx = Client(cluster.Nginx.BaseUri);
        _instances = Enumerable.Range(0, cluster.Count).Select(n => Client(cluster.InstanceUri(n))).ToArray();
        _directTargets = Enumerable.Range(0, cluster.Count).Where(n => n != nginxTarget).ToArray();
        _stop = stop;
    }

    public ConcurrentQueue<SentEvent> Events { get; } = new();

    // Outcome ("nginx 202", "i1 HttpRequestException", ...) → count, for the report.
    public ConcurrentDictionary<string, int> Outcomes { get; } = new();

    // Milliseconds from sending a delivery to its answer, by target ("nginx", "i1").
    public ConcurrentDictionary<string, ConcurrentBag<double>> Latencies { get; } = new();

    public string LatencyReport() => string.Join("; ", Latencies.OrderBy(l => l.Key).Select(l =>
    {
        var ms = l.Value.Order().ToArray();
        return $"{l.Key} median {ms[ms.Length / 2]:0} ms, p95 {ms[(int)(ms.Length * 0.95)]:0} ms, max {ms[^1]:0} ms";
    }));

    public int Redeliveries => Volatile.Read(ref _redeliveries);
    public int AcknowledgedInstalls => Volatile.Read(ref _acknowledgedInstalls);

    /// <summary>Delivers twice at once (the two race into the database), then again until one delivery is acknowledged.</summary>
    public async Task DeliverAsync(SentEvent e)
    {
        Events.Enqueue(e);
        var direct = _directTargets[Interlocked.Increment(ref _sent) % _directTargets.Length];
        await Task.WhenAll(PostAsync(_nginx, "nginx", e), PostAsync(_instances[direct], $"i{direct}", e));
        while (!e.Acknowledged && !_stop.IsCancellationRequested)
        {
            await Task.Delay(RetryAfter, _stop).ContinueWith(_ => { });
            Interlocked.Increment(ref _redeliveries);
            await PostAsync(_nginx, "nginx(again)", e);
        }
    }

    private async Task PostAsync(HttpClient http, string via, SentEvent e)
    {
        var slots = e.Kind == RequestKind.Install ? _installsInFlight : _followUpsInFlight;
        await slots.WaitAsync();
        string outcome;
        var accepted = false;
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.PostAsync("webhooks/talkdesk", new StringContent(e.Json, Encoding.UTF8, "application/json"));
            accepted = response.StatusCode == HttpStatusCode.Accepted;
            outcome = ((int)response.StatusCode).ToString();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            outcome = ex.GetType().Name;
        }
        finally
        {
            slots.Release();
        }
        var target = via.Split('(')[0];
        Latencies.GetOrAdd(target, _ => []).Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        Outcomes.AddOrUpdate($"{target} {outcome}", 1, (_, n) => n + 1);
        if (e.Record(via, outcome, accepted) && e.Kind == RequestKind.Install) Interlocked.Increment(ref _acknowledgedInstalls);
    }

    private static HttpClient Client(Uri baseUri) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 32, PooledConnectionIdleTimeout = TimeSpan.FromSeconds(5) })
        {
            BaseAddress = baseUri,
            Timeout = TimeSpan.FromSeconds(30),
        };

    public void Dispose()
    {
        _nginx.Dispose();
        foreach (var client in _instances) client.Dispose();
    }
}
