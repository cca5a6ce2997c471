namespace TalkdeskPortal.Lifecycle;

/// <summary>
/// In-process push of request changes to open dashboards: one event per change, no polling.
/// </summary>
public sealed class RequestChanges
{
    public event Action<RequestChange>? Changed;

    public void Publish(LifecycleRequest request) =>
        Changed?.Invoke(new RequestChange(request.Id, request.Kind, request.State, request.AccountId));
}

public sealed record RequestChange(long RequestId, RequestKind Kind, RequestState State, string AccountId);
