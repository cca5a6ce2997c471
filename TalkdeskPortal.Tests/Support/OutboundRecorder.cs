using System.Collections.Concurrent;

namespace TalkdeskPortal.Tests.Support;

/// <summary>Sits in every HttpClient the portal makes and remembers where each request went.</summary>
public sealed class OutboundRecorder
{
    private readonly ConcurrentQueue<Uri> _requests = new();

    public IReadOnlyCollection<Uri> Requests => _requests;

    public DelegatingHandler CreateHandler() => new Handler(_requests);

    private sealed class Handler(ConcurrentQueue<Uri> requests) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            if (request.RequestUri is { } uri) requests.Enqueue(uri);
            return base.SendAsync(request, ct);
        }
    }
}
