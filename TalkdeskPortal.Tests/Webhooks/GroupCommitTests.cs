using System.Text;
using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Tests.Support;
using TalkdeskPortal.Webhooks;

namespace TalkdeskPortal.Tests.Webhooks;

/// <summary>The intake writer's batch path (prepared inserts in one transaction), driven with a known batch.</summary>
public sealed class GroupCommitTests : PortalTestBase
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["Jobs:RunServer"] = "false";

    [Fact]
    public async Task Batch_WritesEveryRowOnce_AndTreatsRepeatsAsRedeliveries()
    {
        var store = Portal.Get<IntakeStore>();
        var known = Parse(Fake.InstalledEvent(Fake.CreateInstallation("known"), Talkdesk.ApiRoot));
        await store.AcceptAsync(known, "10.0.0.1", CancellationToken.None); // stored before the batch

        var fresh = Parse(Fake.InstalledEvent(Fake.CreateInstallation("fresh"), Talkdesk.ApiRoot));
        var other = Parse(Fake.InstalledEvent(Fake.CreateInstallation("other"), Talkdesk.ApiRoot));
        var ignoredEvent = Fake.InstalledEvent(Fake.CreateInstallation("ignored"), Talkdesk.ApiRoot);
        ignoredEvent["type"] = "user.logout";
        var ignored = Parse(ignoredEvent);
        var batch = new[] { fresh, known, other, fresh, ignored }
            .Select(e => new PendingIntake(e, "10.0.0.2", store.Build(e, "10.0.0.2"))).ToArray();

        await store.AcceptBatchAsync(batch, CancellationToken.None);

        var results = await Task.WhenAll(batch.Select(p => p.Completion.Task));
        Assert.Equal([IntakeStatus.Accepted, IntakeStatus.Duplicate, IntakeStatus.Accepted, IntakeStatus.Duplicate, IntakeStatus.Ignored],
            results.Select(r => r.Status));
        Assert.Equal(results[0].RequestId, results[3].RequestId);
        Assert.Null(results[4].RequestId);

        await using var db = Portal.Db();
        var events = await db.Events.AsNoTracking().Include(e => e.Deliveries).ToDictionaryAsync(e => e.Id);
        Assert.Equal(4, events.Count);
        Assert.Equal(2, events[fresh.Id].DeliveryCount);
        Assert.Equal(2, events[fresh.Id].Deliveries.Count);
        Assert.Equal(2, events[known.Id].DeliveryCount);
        Assert.True(events[ignored.Id].Ignored);
        Assert.Equal(3, await db.Requests.CountAsync());
        var redelivered = await db.Audit.AsNoTracking().Where(a => a.Action == "event.redelivered").ToListAsync();
        Assert.Equal(new[] { known.Id, fresh.Id }.Order(StringComparer.Ordinal), redelivered.Select(a => a.EventId!).Order(StringComparer.Ordinal));
        Assert.All(redelivered, a => Assert.StartsWith("Delivery #2 of app.installed", a.Detail));
        Assert.Equal(known.AccountId, redelivered.Single(a => a.EventId == known.Id).AccountId);

        // The batch's rows carry what EF would have written: converted times, enum names, encrypted credentials.
        var request = await db.Requests.AsNoTracking().SingleAsync(r => r.Id == results[0].RequestId);
        Assert.Equal(fresh.InstallationId, request.InstallationId);
        Assert.Equal(RequestState.Received, request.State);
        Assert.Equal(RequestExpiry.DeadlineFor(request.EventCreatedAt, request.ReceivedAt), request.Deadline);
        Assert.DoesNotContain(fresh.Credentials!.ClientSecret, request.ProtectedCredentials);
        Assert.Equal(fresh.Credentials, Portal.Get<CredentialProtector>().Unprotect(request.ProtectedCredentials!));
        var received = await db.Audit.AsNoTracking().SingleAsync(a => a.EventId == fresh.Id && a.Action == "event.received");
        Assert.Equal(request.Id, received.RequestId);
    }

    private ParsedEvent Parse(System.Text.Json.Nodes.JsonObject evt) =>
        Portal.Get<EventEnvelopeParser>().Parse(Encoding.UTF8.GetBytes(evt.ToJsonString())).Event
        ?? throw new InvalidOperationException("The sample event did not parse.");
}
