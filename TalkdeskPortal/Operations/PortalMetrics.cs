using System.Diagnostics.Metrics;

namespace TalkdeskPortal.Operations;

/// <summary>The portal's counters and the event→approve histogram (meter "TalkdeskPortal").</summary>
public sealed class PortalMetrics
{
    public const string MeterName = "TalkdeskPortal";

    private readonly Counter<long> _received;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _approvals;
    private readonly Counter<long> _rejections;
    private readonly Counter<long> _failures;
    private readonly Histogram<double> _eventToApprove;

    public PortalMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _received = meter.CreateCounter<long>("portal.events.received", description: "Events accepted at the webhook (first delivery)");
        _duplicates = meter.CreateCounter<long>("portal.events.duplicates", description: "Redeliveries of an event already stored");
        _refused = meter.CreateCounter<long>("portal.events.refused", description: "Deliveries refused at the webhook (4xx)");
        _approvals = meter.CreateCounter<long>("portal.decisions.approved", description: "Approvals Talkdesk accepted");
        _rejections = meter.CreateCounter<long>("portal.decisions.rejected", description: "Rejections Talkdesk accepted");
        _failures = meter.CreateCounter<long>("portal.requests.failed", description: "Requests parked as Failed");
        _eventToApprove = meter.CreateHistogram<double>("portal.event_to_decision.duration", unit: "ms",
            description: "From the event's first delivery to Talkdesk accepting the decision");
    }

    public void EventReceived(string type) => _received.Add(1, new KeyValuePair<string, object?>("type", type));
    public void Duplicate(string type) => _duplicates.Add(1, new KeyValuePair<string, object?>("type", type));
    public void Refused(int status) => _refused.Add(1, new KeyValuePair<string, object?>("status", status));
    public void Failed(string kind) => _failures.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Decided(bool approved, string kind, TimeSpan sinceReceived)
    {
        (approved ? _approvals : _rejections).Add(1, new KeyValuePair<string, object?>("kind", kind));
        _eventToApprove.Record(sinceReceived.TotalMilliseconds, new KeyValuePair<string, object?>("kind", kind));
    }
}
