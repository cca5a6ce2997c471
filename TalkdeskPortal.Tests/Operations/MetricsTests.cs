using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Operations;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Operations;

public sealed class MetricsTests : PortalTestBase
{
    [Fact]
    public async Task AnInstall_IsCounted_AndItsEventToApproveTimeRecorded()
    {
        var seen = new ConcurrentDictionary<string, double>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) => { if (instrument.Meter.Name == PortalMetrics.MeterName) l.EnableMeasurementEvents(instrument); },
        };
        listener.SetMeasurementEventCallback<long>((i, value, _, _) => seen.AddOrUpdate(i.Name, value, (_, old) => old + value));
        listener.SetMeasurementEventCallback<double>((i, value, _, _) => seen[i.Name] = value);
        listener.Start();
        var evt = Fake.InstalledEvent(Fake.CreateInstallation("measured"), Talkdesk.ApiRoot);

        await DeliverAsync(evt, RequestState.Completed);
        await Portal.PostEventAsync(evt);
        await Portal.PostRawAsync("{");

        Assert.Equal(1, seen.GetValueOrDefault("portal.events.received"));
        Assert.Equal(1, seen.GetValueOrDefault("portal.events.duplicates"));
        Assert.Equal(1, seen.GetValueOrDefault("portal.events.refused"));
        Assert.Equal(1, seen.GetValueOrDefault("portal.decisions.approved"));
        Assert.InRange(seen.GetValueOrDefault("portal.event_to_decision.duration"), 0.1, 15_000);
    }

    [Fact]
    public async Task LogLines_CarryTheEventAndInstallationIds()
    {
        var installation = Fake.CreateInstallation("logged");
        var evt = Fake.InstalledEvent(installation, Talkdesk.ApiRoot);

        await DeliverAsync(evt, RequestState.Completed);

        Assert.Contains(Portal.Logs.Lines, l => l.Contains(PortalApp.EventId(evt)) && l.Contains(installation.InstallationId) && l.Contains("accepted", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(Portal.Logs.Lines, l => l.Contains("Sent Approve") && l.Contains(PortalApp.EventId(evt)) && l.Contains(installation.InstallationId));
    }
}
