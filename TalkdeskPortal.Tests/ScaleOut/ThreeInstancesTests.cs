using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Sandbox;
using TalkdeskPortal.Tests.Staff;
using TalkdeskPortal.Tests.Support;
using Xunit.Abstractions;

namespace TalkdeskPortal.Tests.ScaleOut;

/// <summary>
/// The proof of "Outgrow one machine": three portal instances on one PostgreSQL database behind nginx; 1,000 installs,
/// each delivered twice to different instances, with updates and uninstalls following as Talkdesk would create them;
/// one instance SIGKILLed mid-burst and restarted. Every event ends in the right state, Talkdesk hears exactly one
/// approve per request, none is lost, and each account's requests are decided in order.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ThreeInstancesTests(ITestOutputHelper output)
{
    private const int Installs = 1000;
    private const int KillAfterAcknowledged = 300;
    private const int RestartAfterAcknowledged = 600;
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(10); // the installs arrive over ~10 s
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromMinutes(4);

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true", // as behind any proxy (docs/scale-out.md)
        ["Staff:BootstrapAdminEmail"] = StaffHttp.AdminEmail,
        ["Staff:BootstrapAdminPassword"] = StaffHttp.Password,
        // Each instance's log says which events it took in and which decisions it sent: the diagnosis of a failure.
        ["Logging:LogLevel:TalkdeskPortal.Webhooks"] = "Information",
        ["Logging:LogLevel:TalkdeskPortal.Lifecycle"] = "Information",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        ["Logging:Console:FormatterOptions:TimestampFormat"] = "HH:mm:ss.fff ",
    };

    [PostgresFact]
    public async Task ThreeInstancesBehindNginx_OneKilledMidBurst_EveryEventEndsRight_OneApprovePerRequest_InAccountOrder()
    {
        var clock = Stopwatch.StartNew();
        await using var talkdesk = await FakeTalkdeskHost.StartAsync();
        await using var cluster = await PortalCluster.StartAsync(talkdesk, 3, Settings);
        _reportFile = Path.Combine(cluster.DataDirectories[0], "proof.txt");
        Report($"instances on ports {string.Join(", ", cluster.Ports)} and nginx at {cluster.Nginx.BaseUri} started in {clock.Elapsed.TotalSeconds:0.0} s; data folders {string.Join(", ", cluster.DataDirectories)}");
        await AssertNginxServesStaffFromAnyInstanceAsync(cluster);

        var fake = talkdesk.Fake;
        var ledger = new TalkdeskLedger();
        var followUps = new ConcurrentBag<Task>();
        WebhookSender? sender = null;
        fake.DecisionReceived += decision =>
        {
            // Talkdesk creates the account's next event once the current one is decided, and sends it at once.
            if (ledger.Received(decision) is not { } next || sender is null) return;
            var installation = fake.Find(decision.InstallationId)!;
            var body = next == RequestKind.Update
                ? fake.UpdatedEvent(installation, talkdesk.ApiRoot, [fake.AddUser(installation).Id], null, "Paid Plus", 10)
                : fake.UninstalledEvent(installation, talkdesk.ApiRoot);
            ledger.Opened(installation, next);
            var e = new SentEvent(installation, next, body);
            followUps.Add(Task.Run(() => sender.DeliverAsync(e)));
        };

        var (probe, nginxTarget) = await FindNginxTargetAsync(cluster, talkdesk, ledger);
        var victim = (nginxTarget + 1) % cluster.Count; // not the one nginx uses: the first delivery of every event still lands
        Report($"nginx sends this client to instance {nginxTarget}; instance {victim} will be killed");

        // Every Talkdesk call takes a while, and an approve's answer takes longer: work is in flight when the kill lands,
        // some approves have reached Talkdesk but not the portal's database, and the account's next event (sent the
        // moment Talkdesk applies the approve) often reaches the portal before the request it follows has completed.
        fake.Faults.Latency = TimeSpan.FromMilliseconds(10);
        fake.Faults.DelayStateReplyNext(10_000, TimeSpan.FromMilliseconds(150));
        var installations = Enumerable.Range(0, Installs).Select(i => fake.CreateInstallation($"scale{i:D4}", userCount: 2)).ToList();
        for (var i = 0; i < Installs; i++)
            ledger.Plan(installations[i], (i % 4) switch
            {
                0 => [RequestKind.Install, RequestKind.Update, RequestKind.Uninstall],
                2 => [RequestKind.Install, RequestKind.Update],
                _ => [RequestKind.Install],
            });

        // Ends the redelivery loops once everything has settled (after 15 minutes in any case, so a hung run still ends).
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        sender = new WebhookSender(cluster, nginxTarget, stop.Token);
        using var _ = sender;
        var burst = Stopwatch.StartNew();
        var chaos = KillAndRestartAsync(cluster, victim, sender, burst, fake);
        await Task.WhenAll(installations.Select(async (installation, i) =>
        {
            await Task.Delay(Pace * i);
            var body = fake.InstalledEvent(installation, talkdesk.ApiRoot);
            ledger.Opened(installation, RequestKind.Install);
            await sender.DeliverAsync(new SentEvent(installation, RequestKind.Install, body));
        }));
        var burstTime = burst.Elapsed;
        Report($"burst: {Installs} installs acknowledged in {burstTime.TotalSeconds:0.0} s; {ledger.DecidedCount} decisions so far");
        await chaos;

        var settle = Stopwatch.StartNew();
        var checks = new ProofChecks(cluster, ledger);
        while (settle.Elapsed < SettleTimeout && !(ledger.AllDecided && followUps.All(t => t.IsCompleted) && await checks.SettledAsync()))
            await Task.Delay(500);
        await Task.Delay(2000); // a stray second approve still on its way would arrive now
        var settleTime = settle.Elapsed;
        stop.Cancel();
        await Task.WhenAll(followUps);

        var events = sender.Events.Append(probe).ToList();
        Report($"settled {settleTime.TotalSeconds:0.0} s after the burst and the restart (timeout {SettleTimeout.TotalMinutes} min); " +
               $"{events.Count} events ({events.Count(e => e.Kind == RequestKind.Update)} updates, {events.Count(e => e.Kind == RequestKind.Uninstall)} uninstalls), " +
               $"{fake.Decisions.Count} decisions at Talkdesk, {sender.Redeliveries} redeliveries");
        Report("deliveries: " + string.Join(", ", sender.Outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} x{o.Value}")));
        Report("answer times: " + sender.LatencyReport());
        Report($"total {clock.Elapsed.TotalSeconds:0.0} s");

        var problems = await checks.FindProblemsAsync(events);
        Report(await checks.SummaryAsync(events));
        if (problems.Count > 0)
        {
            var file = await checks.WriteDiagnosisAsync(problems, events);
            Assert.Fail($"{problems.Count} problems; the first: {string.Join(" | ", problems.Take(5))}. Diagnosis with portal rows and log lines: {file}");
        }
    }

    private async Task KillAndRestartAsync(PortalCluster cluster, int victim, WebhookSender sender, Stopwatch burst, FakeTalkdesk fake)
    {
        await Task.Yield();
        while (sender.AcknowledgedInstalls < KillAfterAcknowledged) await Task.Delay(5);
        await cluster.KillAsync(victim);
        Report($"SIGKILL instance {victim} at {burst.Elapsed.TotalSeconds:0.0} s into the burst: {sender.AcknowledgedInstalls} installs acknowledged, {fake.Decisions.Count} decisions at Talkdesk");
        while (sender.AcknowledgedInstalls < RestartAfterAcknowledged) await Task.Delay(5);
        var restart = Stopwatch.StartNew();
        await cluster.RestartAsync(victim);
        Report($"instance {victim} healthy again on port {cluster.Ports[victim]} at {burst.Elapsed.TotalSeconds:0.0} s (restart took {restart.Elapsed.TotalSeconds:0.0} s)");
    }

    /// <summary>nginx proxies /healthz, staff sign in through it, and the cookie opens staff pages on every instance (one key ring).</summary>
    private async Task AssertNginxServesStaffFromAnyInstanceAsync(PortalCluster cluster)
    {
        using var anonymous = StaffHttp.Anonymous(cluster.Nginx.BaseUri);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Client.GetAsync("healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await anonymous.Client.GetAsync("queue")).StatusCode);

        using var staff = await StaffHttp.SignInAsync(cluster.Nginx.BaseUri);
        Assert.Equal(HttpStatusCode.OK, (await staff.Client.GetAsync("queue")).StatusCode);
        for (var n = 0; n < cluster.Count; n++)
            Assert.Equal(HttpStatusCode.OK, (await staff.Client.GetAsync(new Uri(cluster.InstanceUri(n), "queue"))).StatusCode);
        Report("nginx: /healthz 200, staff signed in through it, their cookie opens /queue on each of the instances");
    }

    /// <summary>An install through nginx; the instance whose log shows it taking the event in is nginx's choice for this client.</summary>
    private async Task<(SentEvent Probe, int Target)> FindNginxTargetAsync(PortalCluster cluster, FakeTalkdeskHost talkdesk, TalkdeskLedger ledger)
    {
        var installation = talkdesk.Fake.CreateInstallation("probe");
        ledger.Plan(installation, RequestKind.Install);
        var probe = new SentEvent(installation, RequestKind.Install, talkdesk.Fake.InstalledEvent(installation, talkdesk.ApiRoot));
        ledger.Opened(installation, RequestKind.Install);
        using var http = new HttpClient { BaseAddress = cluster.Nginx.BaseUri };
        using var response = await http.PostAsync("webhooks/talkdesk", new StringContent(probe.Json, Encoding.UTF8, "application/json"));
        probe.Record("nginx", ((int)response.StatusCode).ToString(), response.StatusCode == HttpStatusCode.Accepted);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        for (var tries = 0; tries < 100; tries++)
        {
            var seen = Enumerable.Range(0, cluster.Count).Where(n => ProofChecks.ReadLog(cluster, n).Contains(probe.Id)).ToList();
            if (seen.Count == 1) return (probe, seen[0]);
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"No single instance logged the probe event {probe.Id}.");
    }

    private string? _reportFile;

    // To the test's output, and to proof.txt in the first instance's data folder (beside its log).
    private void Report(string line)
    {
        line = $"[{DateTime.UtcNow:HH:mm:ss.fff}] {line}";
        output.WriteLine(line);
        if (_reportFile is not null) File.AppendAllText(_reportFile, line + "\n");
    }
}
