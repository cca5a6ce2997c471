using System.Text;
using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Tenants;

namespace TalkdeskPortal.Tests.ScaleOut;

/// <summary>What the proof asserts, read from the shared database and Talkdesk's ledger; and the diagnosis when it fails.</summary>
public sealed class ProofChecks(PortalCluster cluster, TalkdeskLedger ledger)
{
    /// <summary>Every planned request is in the database and none is open.</summary>
    public async Task<bool> SettledAsync()
    {
        await using var db = cluster.Db();
        var planned = ledger.Accounts.Sum(a => a.Plan.Length);
        return await db.Requests.CountAsync() == planned && !await db.Requests.AnyAsync(r => RequestStates.Open.Contains(r.State));
    }

    /// <summary>One line per thing that is wrong, each starting with the installation it concerns.</summary>
    public async Task<List<string>> FindProblemsAsync(IReadOnlyList<SentEvent> events)
    {
        var problems = new List<string>();
        problems.AddRange(events.Where(e => !e.Acknowledged).Select(e => $"{e.Installation.InstallationId}: never acknowledged: {e}"));

        await using var db = cluster.Db();
        var rows = (await db.Requests.AsNoTracking().ToListAsync()).ToLookup(r => r.InstallationId);
        var tenants = (await db.Tenants.AsNoTracking().ToListAsync()).ToDictionary(t => t.TalkdeskAccountId);
        problems.AddRange(rows.SelectMany(g => g).Where(r => !r.State.IsFinal())
            .Select(r => $"{r.InstallationId}: request {r.Id} ({r.Kind}) left open in {r.State}"));

        foreach (var account in ledger.Accounts)
        {
            var id = account.Installation.InstallationId;
            // Talkdesk: exactly one approve per request, in the order the customer made them.
            var decided = account.Decided.Select(d => d.Kind).ToList();
            if (!decided.SequenceEqual(account.Plan))
                problems.Add($"{id}: Talkdesk decided [{string.Join(", ", decided)}] of [{string.Join(", ", account.Plan)}] (missing approve)");
            if (account.Extra.Count > 0)
                problems.Add($"{id}: {account.Extra.Count} approve(s) more than requests, after [{string.Join(", ", decided)}]");
            if (account.Decided.Any(d => d.Decision.State != "approve"))
                problems.Add($"{id}: a decision other than approve");

            // The portal: every request of the account Completed, each decided after its install completed.
            var mine = rows[id].ToList();
            foreach (var kind in account.Plan.Where(k => mine.Count(r => r.Kind == k) != 1))
                problems.Add($"{id}: {mine.Count(r => r.Kind == kind)} {kind} requests in the database, expected 1");
            foreach (var r in mine.Where(r => r.State != RequestState.Completed))
                problems.Add($"{id}: request {r.Id} ({r.Kind}) ended {r.State}, expected Completed ({r.Error})");
            var install = mine.FirstOrDefault(r => r.Kind == RequestKind.Install);
            foreach (var later in mine.Where(r => r.Kind != RequestKind.Install && install?.CompletedAt is { } done && r.DecidedAt < done))
                problems.Add($"{id}: {later.Kind} {later.Id} decided at {later.DecidedAt:O}, before its install completed at {install!.CompletedAt:O}");

            // The partner account: as the last request says.
            if (!tenants.TryGetValue(account.Installation.AccountId, out var tenant))
            {
                problems.Add($"{id}: no tenant");
                continue;
            }
            var expectedStatus = account.Plan.Contains(RequestKind.Uninstall) ? TenantStatus.Uninstalled : TenantStatus.Active;
            var expectedPlan = account.Plan.Contains(RequestKind.Update) ? ("Paid Plus", 10) : ("Trial", 5);
            if (tenant.Status != expectedStatus || (tenant.SubscriptionName, tenant.Licenses) != expectedPlan)
                problems.Add($"{id}: tenant {tenant.Status} on {tenant.SubscriptionName}/{tenant.Licenses}, expected {expectedStatus} on {expectedPlan}");
        }
        return problems;
    }

    /// <summary>What the run went through: states, waits, decisions read back after the kill.</summary>
    public async Task<string> SummaryAsync(IReadOnlyList<SentEvent> events)
    {
        await using var db = cluster.Db();
        var states = await db.Requests.GroupBy(r => r.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var installsDone = await db.Requests.Where(r => r.Kind == RequestKind.Install)
            .ToDictionaryAsync(r => r.InstallationId, r => r.CompletedAt);
        var laterOnes = await db.Requests.Where(r => r.Kind != RequestKind.Install).Select(r => new { r.InstallationId, r.ReceivedAt }).ToListAsync();
        var waited = laterOnes.Count(r => installsDone.GetValueOrDefault(r.InstallationId) is { } done && r.ReceivedAt < done);
        var readBack = await db.Audit.CountAsync(a => a.Action == "decision.confirmed");
        var redelivered = await db.Events.CountAsync(e => e.DeliveryCount > 1);
        var resent = await db.Requests.CountAsync(r => r.DecisionAttempts > 1);
        return $"requests: {string.Join(", ", states.Select(s => $"{s.Key} {s.Count}"))}; " +
               $"{waited} updates/uninstalls arrived before their install had completed (and waited); " +
               $"{redelivered} events stored with more than one delivery; {readBack} decisions read back from Talkdesk instead of resent; " +
               $"{resent} requests with more than one send attempt";
    }

    /// <summary>For the first few installations with a problem: Talkdesk's ledger, the portal's rows, the deliveries and every log line.</summary>
    public async Task<string> WriteDiagnosisAsync(IReadOnlyList<string> problems, IReadOnlyList<SentEvent> events)
    {
        var text = new StringBuilder();
        text.AppendLine($"{problems.Count} problems").AppendJoin('\n', problems).AppendLine().AppendLine();
        var logs = Enumerable.Range(0, cluster.Count).Select(n => ReadLog(cluster, n).Split('\n')).ToArray();
        await using var db = cluster.Db();
        foreach (var id in problems.Select(p => p[..p.IndexOf(':')]).Distinct().Take(10))
        {
            text.AppendLine($"=== installation {id}");
            text.AppendLine("Talkdesk: " + ledger.Accounts.FirstOrDefault(a => a.Installation.InstallationId == id));
            foreach (var e in events.Where(e => e.Installation.InstallationId == id)) text.AppendLine($"sent: {e}");
            foreach (var r in await db.Requests.AsNoTracking().Where(r => r.InstallationId == id).OrderBy(r => r.Id).ToListAsync())
                text.AppendLine($"row {r.Id} {r.Kind} {r.State} received {r.ReceivedAt:O} decided {r.DecidedAt:O} sent {r.DecisionSentAt:O} " +
                                $"completed {r.CompletedAt:O} attempts {r.DecisionAttempts} runs {r.Runs} error {r.Error}");
            foreach (var a in await db.Audit.AsNoTracking().Where(a => a.AccountId != null && db.Requests.Any(r => r.InstallationId == id && r.Id == a.RequestId)).OrderBy(a => a.Id).ToListAsync())
                text.AppendLine($"audit {a.At:O} request {a.RequestId} {a.Action} {a.Outcome}: {a.Detail}");
            for (var n = 0; n < logs.Length; n++)
                foreach (var line in logs[n].Where(l => l.Contains(id)))
                    text.AppendLine($"log i{n}: {(line.Length > 600 ? line[..600] : line)}");
            text.AppendLine();
        }
        var file = Path.Combine(cluster.DataDirectories[0], "diagnosis.txt");
        await File.WriteAllTextAsync(file, text.ToString());
        return file;
    }

    /// <summary>An instance's log as written so far (the portal may still be writing it).</summary>
    public static string ReadLog(PortalCluster cluster, int n)
    {
        if (!File.Exists(cluster.LogFile(n))) return "";
        using var stream = new FileStream(cluster.LogFile(n), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }
}
