namespace TalkdeskPortal.Retention;

/// <summary>What one retention pass erased; <see cref="AlreadyRunning"/> when another pass held the job.</summary>
public sealed record RetentionRun(int Requests, int IgnoredEvents, int Deliveries, int Tenants, TimeSpan Took, bool AlreadyRunning = false)
{
    public bool ChangedAnything => Requests + IgnoredEvents + Deliveries + Tenants > 0;

    public int Rows => Requests + IgnoredEvents + Deliveries;
}
