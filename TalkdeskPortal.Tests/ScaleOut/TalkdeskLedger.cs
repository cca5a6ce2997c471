using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Sandbox;

namespace TalkdeskPortal.Tests.ScaleOut;

/// <summary>
/// Talkdesk's side of the proof. Each installation has a plan (install, then maybe update, then maybe uninstall);
/// Talkdesk creates the next event only once the current request is decided, as the real one does (a customer
/// cannot update an installation that is still installing). Every approve the fake receives is put against the
/// request that was waiting for it; one that arrives while nothing waits is a second approve of a decided request.
/// </summary>
public sealed class TalkdeskLedger
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Account> _accounts = [];

    public void Plan(FakeInstallation installation, params RequestKind[] kinds)
    {
        lock (_gate) _accounts[installation.InstallationId] = new Account(installation, kinds);
    }

    /// <summary>Talkdesk created this account's next event: from now its request waits for a decision.</summary>
    public void Opened(FakeInstallation installation, RequestKind kind)
    {
        lock (_gate)
        {
            var account = _accounts[installation.InstallationId];
            if (account.Open is not null || account.Plan[account.Decided.Count] != kind)
                throw new InvalidOperationException($"{kind} opened out of plan for {installation.InstallationId}");
            account.Open = kind;
        }
    }

    /// <summary>Records a decision; returns the kind Talkdesk should create next for this account, if any.</summary>
    public RequestKind? Received(FakeDecision decision)
    {
        lock (_gate)
        {
            if (!_accounts.TryGetValue(decision.InstallationId, out var account)) return null;
            if (account.Open is not { } open)
            {
                account.Extra.Add(decision);
                return null;
            }
            account.Decided.Add(new Answered(open, decision));
            account.Open = null;
            return account.Decided.Count < account.Plan.Length ? account.Plan[account.Decided.Count] : null;
        }
    }

    public IReadOnlyList<Account> Accounts
    {
        get { lock (_gate) return [.. _accounts.Values]; }
    }

    /// <summary>Every planned request was created and decided.</summary>
    public bool AllDecided
    {
        get { lock (_gate) return _accounts.Values.All(a => a.Decided.Count == a.Plan.Length); }
    }

    public int DecidedCount
    {
        get { lock (_gate) return _accounts.Values.Sum(a => a.Decided.Count); }
    }

    public sealed class Account(FakeInstallation installation, RequestKind[] plan)
    {
        public FakeInstallation Installation { get; } = installation;
        public RequestKind[] Plan { get; } = plan;
        public RequestKind? Open { get; set; }
        public List<Answered> Decided { get; } = [];
        public List<FakeDecision> Extra { get; } = [];

        public override string ToString() =>
            $"{Installation.InstallationId} ({Installation.AccountName}): plan [{string.Join(", ", Plan)}], " +
            $"decided [{string.Join(", ", Decided.Select(d => $"{d.Kind} {d.Decision.State} at {d.Decision.At:HH:mm:ss.fff}"))}], " +
            $"open {Open?.ToString() ?? "none"}, extra [{string.Join(", ", Extra.Select(d => $"{d.State} at {d.At:HH:mm:ss.fff}"))}]";
    }

    public sealed record Answered(RequestKind Kind, FakeDecision Decision);
}
