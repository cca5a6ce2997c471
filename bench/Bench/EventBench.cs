using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TalkdeskPortal.Sandbox;

namespace Bench;

/// <summary>The event benchmarks: events for wrk, fixed-rate intake latency, event→approve latency and a burst.</summary>
internal static class EventBench
{
    public static Task<int> RunAsync(string[] args) => Args.Text(args, "--mode") switch
    {
        "gen" => GenerateAsync(args),
        "rate" => RateAsync(args),
        "latency" => LatencyAsync(args),
        "burst" => BurstAsync(args),
        _ => Task.FromResult(2),
    };

    // Distinct, valid app.installed events (one per line) for wrk; made here, so intake alone is measured.
    private static async Task<int> GenerateAsync(string[] args)
    {
        var count = Args.Int(args, "--count", 50_000);
        var fake = new FakeTalkdesk(TimeProvider.System) { AppId = Args.Text(args, "--app") ?? "sandbox-app" };
        var apiRoot = new Uri(Args.Text(args, "--api-root") ?? "http://127.0.0.1:5100/sandbox/api/");
        await using var file = new StreamWriter(Args.Text(args, "--out") ?? "events.jsonl");
        for (var i = 0; i < count; i++) await file.WriteLineAsync(fake.InstalledEvent(fake.CreateInstallation($"gen{i}"), apiRoot).ToJsonString());
        return 0;
    }

    // Intake latency at a fixed rate (open loop: requests go out on schedule whatever the answers do).
    private static async Task<int> RateAsync(string[] args)
    {
        var portal = new Uri(Args.Text(args, "--portal")!);
        var rps = Args.Int(args, "--rps", 200);
        var seconds = Args.Int(args, "--seconds", 10);
        var warmup = Args.Int(args, "--warmup", 500);
        var all = File.ReadLines(Args.Text(args, "--events")!).Take(warmup + rps * seconds).ToArray();
        var lines = all[warmup..];
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = portal };
        // Warm-up (JIT, EF's model, connection pool), not measured.
        await Parallel.ForEachAsync(all[..warmup], new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (line, _) =>
            (await http.PostAsync("webhooks/talkdesk", new StringContent(line, Encoding.UTF8, "application/json"))).Dispose());
        var latencies = new double[lines.Length];
        var failures = 0;
        var clock = Stopwatch.StartNew();
        var tasks = new List<Task>();
        for (var i = 0; i < lines.Length; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rps);
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
            var n = i;
            tasks.Add(Task.Run(async () =>
            {
                var sw = Stopwatch.StartNew();
                using var response = await http.PostAsync("webhooks/talkdesk", new StringContent(lines[n], Encoding.UTF8, "application/json"));
                latencies[n] = sw.Elapsed.TotalMilliseconds;
                if ((int)response.StatusCode != 202) Interlocked.Increment(ref failures);
            }));
        }
        await Task.WhenAll(tasks);
        Console.WriteLine($"rate {rps}/s for {seconds} s: {lines.Length} events, p50 {Stats.Percentile(latencies, 50):0.0} ms, p99 {Stats.Percentile(latencies, 99):0.0} ms, max {latencies.Max():0.0} ms, non-202 {failures}");
        return failures == 0 ? 0 : 1;
    }

    // One install at a time: POST to the portal until the fake Talkdesk (inside the portal) records the approve.
    // --post URL,URL,...: send the events round-robin to these portals instead (several instances on one PostgreSQL
    // database). The installations, their API and tokens, and so the recorded decisions, stay in the fake of --portal
    // (its memory is per process): the instances must point their Talkdesk settings at it (bench/run-postgres.sh does).
    private static async Task<int> LatencyAsync(string[] args)
    {
        var portal = new Uri(Args.Text(args, "--portal")!);
        var count = Args.Int(args, "--count", 200);
        using var http = new HttpClient { BaseAddress = portal };
        var targets = (Args.Text(args, "--post")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [])
            .Select(u => new HttpClient { BaseAddress = new Uri(u.TrimEnd('/') + "/") }).ToList();
        if (targets.Count == 0) targets.Add(new HttpClient { BaseAddress = portal });
        // --warmup N: N installs per target first, not measured (each instance's first requests pay for JIT, pools and
        // its first token; with three instances those three cold ones would otherwise be the p99).
        var warmup = Args.Int(args, "--warmup", 0) * targets.Count;
        var events = await CreateAsync(http, warmup + count);
        var before = await DecisionCountAsync(http);
        var latencies = new List<double>();
        for (var i = 0; i < events.Count; i++)
        {
            var evt = events[i];
            var installation = evt["data"]!["installation_id"]!.GetValue<string>();
            var posted = DateTimeOffset.UtcNow;
            using var response = await targets[i % targets.Count].PostAsync("webhooks/talkdesk", new StringContent(evt.ToJsonString(), Encoding.UTF8, "application/json"));
            if ((int)response.StatusCode != 202) throw new InvalidOperationException($"{targets[i % targets.Count].BaseAddress} answered {(int)response.StatusCode} to event {i}.");
            var decidedAt = await WaitForDecisionAsync(http, installation);
            if (i >= warmup) latencies.Add((decidedAt - posted).TotalMilliseconds);
        }
        // One decision per install, also with several instances (a second approve would mean two instances ran the request).
        await Task.Delay(500);
        var decisions = await DecisionCountAsync(http) - before - warmup;
        if (Args.Text(args, "--slowest") is not null)
            Console.Error.WriteLine("slowest (index: ms): " + string.Join(", ", latencies.Select((ms, i) => (ms, i)).OrderByDescending(x => x.ms).Take(8).Select(x => $"{x.i}: {x.ms:0}")));
        if (targets.Count > 1)
            for (var t = 0; t < targets.Count; t++)
            {
                // Measured install n went to target (warmup + n) % targets, i.e. n % targets since warmup is a multiple.
                var mine = latencies.Where((_, n) => n % targets.Count == t).ToList();
                Console.Error.WriteLine($"  posted to {targets[t].BaseAddress}: {mine.Count} installs, p50 {Stats.Percentile(mine, 50):0.0} ms, max {mine.DefaultIfEmpty(double.NaN).Max():0.0} ms");
            }
        foreach (var target in targets) target.Dispose();
        var spread = (targets.Count > 1 ? $" round-robin to {targets.Count} instances" : "") + (warmup > 0 ? $" (after {warmup} unmeasured)" : "");
        var extra = decisions != count ? $", {decisions} decisions recorded for {count} installs" : "";
        Console.WriteLine($"event->approve, {count} installs one after another{spread}: p50 {Stats.Percentile(latencies, 50):0.0} ms, p95 {Stats.Percentile(latencies, 95):0.0} ms, p99 {Stats.Percentile(latencies, 99):0.0} ms{extra}");
        return decisions == count ? 0 : 1;
    }

    // Many installs in a short window while every Talkdesk call is slowed down.
    private static async Task<int> BurstAsync(string[] args)
    {
        var portal = new Uri(Args.Text(args, "--portal")!);
        var count = Args.Int(args, "--count", 1000);
        var seconds = Args.Int(args, "--seconds", 10);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = portal, Timeout = TimeSpan.FromMinutes(5) };
        var events = await CreateAsync(http, count);
        var before = await DecisionCountAsync(http);
        (await http.PostAsync($"sandbox/control/latency?ms={Args.Int(args, "--latency-ms", 20)}", null)).EnsureSuccessStatusCode();
        var clock = Stopwatch.StartNew();
        var posts = new List<Task>();
        for (var i = 0; i < events.Count; i++)
        {
            var due = TimeSpan.FromSeconds(seconds * (double)i / events.Count);
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
            var body = events[i].ToJsonString();
            posts.Add(http.PostAsync("webhooks/talkdesk", new StringContent(body, Encoding.UTF8, "application/json")));
        }
        await Task.WhenAll(posts);
        var posted = clock.Elapsed;
        while (await DecisionCountAsync(http) < before + count && clock.Elapsed < TimeSpan.FromMinutes(5)) await Task.Delay(100);
        var done = clock.Elapsed;
        (await http.PostAsync("sandbox/control/latency?ms=0", null)).EnsureSuccessStatusCode();
        Console.WriteLine($"burst: {count} installs posted in {posted.TotalSeconds:0.0} s with +{Args.Int(args, "--latency-ms", 20)} ms per Talkdesk call; all approved after {done.TotalSeconds:0.0} s");
        return 0;
    }

    private static async Task<List<JsonObject>> CreateAsync(HttpClient http, int count)
    {
        var all = new List<JsonObject>();
        while (all.Count < count)
        {
            var batch = Math.Min(500, count - all.Count);
            var array = await http.GetFromJsonAsync<JsonArray>($"sandbox/control/installations?count={batch}", CancellationToken.None)
                ?? throw new InvalidOperationException();
            all.AddRange(array.Select(e => e!.AsObject()));
        }
        return all;
    }

    private static async Task<DateTimeOffset> WaitForDecisionAsync(HttpClient http, string installationId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var decisions = await http.GetFromJsonAsync<JsonElement>("sandbox/control/decisions");
            foreach (var d in decisions.EnumerateArray())
                if (d.GetProperty("installation_id").GetString() == installationId) return d.GetProperty("at").GetDateTimeOffset();
            await Task.Delay(2);
        }
        throw new TimeoutException($"No decision for {installationId}.");
    }

    private static async Task<int> DecisionCountAsync(HttpClient http) =>
        (await http.GetFromJsonAsync<JsonElement>("sandbox/control/decisions/count")).GetProperty("count").GetInt32();
}
