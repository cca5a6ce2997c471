using TalkdeskPortal.Talkdesk;

namespace TalkdeskPortal.Sandbox;

/// <summary>An installation of the app in the fake Talkdesk, with its account, users, plan and credentials.</summary>
public sealed class FakeInstallation
{
    public required string InstallationId { get; init; }
    public required string AccountId { get; init; }
    public required string AccountName { get; init; }
    public required string CompanyName { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    // The credential set Talkdesk last issued; earlier sets stay valid until the newest is acknowledged.
    public TalkdeskCredentials Credentials { get; internal set; } = null!;

    // Set through SetState, which also moves StateUpdatedAt; the setters stay open for tests that stage a state.
    public string State { get; internal set; } = "installing";
    public string? StateReason { get; internal set; }

    private DateTimeOffset? _stateUpdatedAt;

    // _embedded.state.updated_at: when the state last changed, at first when the installation was created.
    public DateTimeOffset StateUpdatedAt
    {
        get => _stateUpdatedAt ?? CreatedAt;
        internal set => _stateUpdatedAt = value;
    }

    public required List<FakeUser> Users { get; init; }
    public required string AdminUserId { get; init; }
    public string PlanName { get; internal set; } = "Trial";
    public string PlanType { get; internal set; } = "trial";
    public int TotalLicenses { get; internal set; }
    public string? TrialState { get; internal set; }
    public DateTimeOffset? TrialExpiresAt { get; internal set; }

    internal List<FakeKeyPair> ValidKeys { get; } = [];

    public IEnumerable<FakeUser> LicensedUsers => Users.Where(u => u.Licensed);

    internal void SetState(string state, string? reason, DateTimeOffset now)
    {
        if (state != State) StateUpdatedAt = now;
        (State, StateReason) = (state, reason);
    }
}
