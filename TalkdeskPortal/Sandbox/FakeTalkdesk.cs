using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using TalkdeskPortal.Talkdesk;

namespace TalkdeskPortal.Sandbox;

/// <summary>
/// An in-memory Talkdesk: accounts, installations, users, credentials, the events it sent, and a
/// record of every call and decision it received. Thread-safe; one instance per host.
/// </summary>
public sealed partial class FakeTalkdesk(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly List<FakeInstallation> _installations = [];
    private readonly ConcurrentDictionary<string, JsonObject> _events = new();
    private readonly ConcurrentQueue<FakeCall> _calls = new();
    private readonly ConcurrentQueue<FakeDecision> _decisions = new();
    private readonly ConcurrentQueue<FakeTokenGrant> _grants = new();
    private readonly ConcurrentQueue<string> _acknowledged = new();
    private readonly ConcurrentDictionary<string, byte> _refusedInstallations = new();

    public string AppId { get; set; } = "sandbox-app";
    public string AppVersionId { get; set; } = "sandbox-app-v1";
    public FakeFaults Faults { get; } = new();

    public IReadOnlyList<FakeCall> Calls => _calls.ToArray();
    public IReadOnlyList<FakeDecision> Decisions => _decisions.ToArray();
    public IReadOnlyList<FakeTokenGrant> TokenGrants => _grants.ToArray();
    public IReadOnlyList<string> AcknowledgedClientIds => _acknowledged.ToArray();

    public event Action<FakeDecision>? DecisionReceived;

    public IReadOnlyList<FakeInstallation> Installations
    {
        get { lock (_gate) return _installations.ToArray(); }
    }

    public FakeInstallation? Find(string installationId)
    {
        lock (_gate) return _installations.FirstOrDefault(i => i.InstallationId == installationId);
    }

    public FakeInstallation CreateInstallation(string accountName, int userCount = 3, string keyAlgorithm = "ES256",
        int totalLicenses = 5, string plan = "Trial")
    {
        var now = time.GetUtcNow();
        var users = Enumerable.Range(1, userCount).Select(n => NewUser(accountName, n, licensed: true, now)).ToList();
        var installation = new FakeInstallation
        {
            InstallationId = FakeKeyPair.Hex(12),
            AccountId = FakeKeyPair.Hex(12),
            AccountName = accountName,
            CompanyName = $"{char.ToUpperInvariant(accountName[0])}{accountName[1..]} Inc.",
            CreatedAt = now,
            Users = users,
            AdminUserId = users[0].Id,
            PlanName = plan,
            TotalLicenses = totalLicenses,
        };
        Issue(installation, keyAlgorithm);
        lock (_gate) _installations.Add(installation);
        return installation;
    }

    /// <summary>The same account installs the app again: a new installation with new credentials, same users.</summary>
    public FakeInstallation Reinstall(FakeInstallation old)
    {
        var installation = new FakeInstallation
        {
            InstallationId = FakeKeyPair.Hex(12),
            AccountId = old.AccountId,
            AccountName = old.AccountName,
            CompanyName = old.CompanyName,
            CreatedAt = time.GetUtcNow(),
            Users = old.Users,
            AdminUserId = old.AdminUserId,
            PlanName = old.PlanName,
            TotalLicenses = old.TotalLicenses,
        };
        Issue(installation, old.Credentials.KeyAlgorithm);
        lock (_gate) _installations.Add(installation);
        return installation;
    }

    public FakeUser AddUser(FakeInstallation installation, bool licensed = false)
    {
        lock (_gate)
        {
            var user = NewUser(installation.AccountName, installation.Users.Count + 1, licensed, time.GetUtcNow());
            installation.Users.Add(user);
            return user;
        }
    }

    /// <summary>
    /// From now on the token endpoint answers 401 <c>{"error":"invalid_client"}</c> to every credential set of this
    /// installation, as Talkdesk does for revoked or suspended credentials. (Credentials the fake never issued, as in a
    /// forged app.installed, are refused the same way already: 401 invalid_client by Basic or by a well-formed assertion.)
    /// Tokens issued before keep working until they expire or <see cref="FakeFaults.RevokeTokens"/>.
    /// </summary>
    public void RefuseTokensFor(FakeInstallation installation) => _refusedInstallations[installation.InstallationId] = 0;

    public void AcceptTokensFor(FakeInstallation installation) => _refusedInstallations.TryRemove(installation.InstallationId, out _);

    internal bool RefusesTokens(string installationId) => _refusedInstallations.ContainsKey(installationId);

    internal JsonObject? StoredEvent(string id) => _events.TryGetValue(id, out var e) ? (JsonObject)e.DeepClone() : null;

    internal DateTimeOffset Now => time.GetUtcNow();

    internal void Record(string method, string path, int status, string? clientId) =>
        _calls.Enqueue(new FakeCall(time.GetUtcNow(), method, path, status, clientId));

    internal void RecordGrant(FakeTokenGrant grant) => _grants.Enqueue(grant);

    internal void RecordDecision(FakeInstallation installation, string state, string? reason)
    {
        lock (_gate)
        {
            // The contract's states after a decision (TALKDESK.md §5): approve → completed, reject → rejected.
            installation.SetState(state == "approve" ? "completed" : "rejected", reason, time.GetUtcNow());
        }
        var decision = new FakeDecision(time.GetUtcNow(), installation.InstallationId, state, reason);
        _decisions.Enqueue(decision);
        DecisionReceived?.Invoke(decision);
    }

    /// <summary>Talkdesk retires every older credential set once the newest is acknowledged.</summary>
    internal bool Acknowledge(FakeInstallation installation, string clientId)
    {
        lock (_gate)
        {
            var key = installation.ValidKeys.FirstOrDefault(k => k.Credentials.ClientId == clientId);
            if (key is null) return false;
            installation.ValidKeys.RemoveAll(k => k != key);
        }
        _acknowledged.Enqueue(clientId);
        return true;
    }

    internal (FakeInstallation Installation, FakeKeyPair Key)? FindKey(string clientId)
    {
        lock (_gate)
        {
            foreach (var installation in _installations)
                if (installation.ValidKeys.FirstOrDefault(k => k.Credentials.ClientId == clientId) is { } key)
                    return (installation, key);
        }
        return null;
    }

    private static FakeUser NewUser(string accountName, int n, bool licensed, DateTimeOffset now) => new()
    {
        Id = FakeKeyPair.Hex(12),
        Email = $"user{n}@{accountName}.example",
        Name = $"User {n} of {accountName}",
        Extension = (1000 + n).ToString(),
        Licensed = licensed,
        CreatedAt = now,
    };

    private TalkdeskCredentials Issue(FakeInstallation installation, string keyAlgorithm)
    {
        var key = FakeKeyPair.Create(keyAlgorithm);
        lock (_gate)
        {
            installation.ValidKeys.Add(key);
            installation.Credentials = key.Credentials;
        }
        return key.Credentials;
    }
}
