namespace TalkdeskPortal.Lifecycle;

/// <summary>
/// In-process push of request changes to open dashboards: one event per change, no polling. On PostgreSQL the
/// changes also travel between portal instances (Data/PostgreSql/ChangeSender and ChangeListener).
/// </summary>
public sealed class RequestChanges
{
    public event Action<RequestChange>? Changed;

    public void Publish(LifecycleRequest request) =>
        Changed?.Invoke(new RequestChange(request.Id, request.Kind, request.State, request.AccountId));

    /// <summary>A change another instance made: shown here, never sent on or acted on again.</summary>
    public void PublishRemote(RequestChange change) => Changed?.Invoke(change with { Remote = true });
}

/// <param name="Remote">Made by another portal instance on the same database; this one only shows it.</param>
public sealed record RequestChange(long RequestId, RequestKind Kind, RequestState State, string AccountId, bool Remote = false)
{
    /// <summary>Some requests may have changed, which is not known (raised after a gap in hearing the other instances).</summary>
    public static readonly RequestChange Unknown = new(0, RequestKind.Install, RequestState.Received, "", Remote: true);

    public bool IsUnknown => RequestId == 0;
}
