using System.Net;
using Microsoft.Extensions.Time.Testing;
using TalkdeskPortal.Sandbox;
using TalkdeskPortal.Talkdesk;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Talkdesk;

/// <summary>The fake's faults that real peers show: a decision applied whose answer comes late or not at all.</summary>
[Collection(PortalCollection.Name)]
public sealed class FakeTalkdeskFaultTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private FakeTalkdeskHost _talkdesk = null!;
    private TalkdeskClients _clients = null!;

    private FakeTalkdesk Fake => _talkdesk.Fake;

    public async Task InitializeAsync()
    {
        _talkdesk = await FakeTalkdeskHost.StartAsync(_time);
        _clients = new TalkdeskClients(_talkdesk);
        // A cold fake can take longer than a short attempt timeout to answer its first token request.
        var warmUp = Fake.CreateInstallation("warmup");
        await _clients.Api.GetInstallationAsync(_clients.Connection(warmUp), default);
    }

    public async Task DisposeAsync()
    {
        _clients.Dispose();
        await _talkdesk.DisposeAsync();
    }

    [Fact]
    public async Task DelayedStateReply_TimesTheClientOut_ButTheDecisionIsApplied()
    {
        var installation = Fake.CreateInstallation("acme");
        using var hasty = new TalkdeskClients(_talkdesk, new() { ["Talkdesk:Http:AttemptTimeout"] = "00:00:01" });
        var connection = hasty.Connection(installation);
        _time.Advance(TimeSpan.FromMinutes(1));
        Fake.Faults.DelayStateReplyNext(1, TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<TalkdeskApiException>(() =>
            hasty.Api.SetInstallationStateAsync(connection, InstallationDecision.Approve, null, default));

        Assert.Null(error.StatusCode);
        Assert.Single(Fake.Decisions);
        var state = (await _clients.Api.GetInstallationAsync(connection, default)).State!;
        Assert.Equal("completed", state.State);
        Assert.Equal(installation.CreatedAt.AddMinutes(1), state.UpdatedAt);
    }

    [Fact]
    public async Task DelayedStateReply_Answers_WhenTheClientWaitsLongEnough()
    {
        var installation = Fake.CreateInstallation("acme");
        Fake.Faults.DelayStateReplyNext(1, TimeSpan.FromMilliseconds(300));

        var started = DateTime.UtcNow;
        var state = await _clients.Api.SetInstallationStateAsync(_clients.Connection(installation), InstallationDecision.Approve, null, default);

        Assert.Equal("completed", state.State);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(290));
    }

    [Theory]
    [InlineData(502)]
    [InlineData(504)]
    public async Task LostStateReply_AnswersTheStatus_ButTheDecisionIsApplied(int status)
    {
        var installation = Fake.CreateInstallation("acme");
        var connection = _clients.Connection(installation);
        Fake.Faults.LoseStateReplyNext(1, status);

        var error = await Assert.ThrowsAsync<TalkdeskApiException>(() =>
            _clients.Api.SetInstallationStateAsync(connection, InstallationDecision.Reject, "Not for you", default));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Single(Fake.Decisions);
        Assert.Equal("rejected", (await _clients.Api.GetInstallationAsync(connection, default)).State!.State);
        Assert.Single(Fake.Calls, c => c.Method == "POST" && c.Path.EndsWith("/state") && c.Status == status);
    }

    [Fact]
    public async Task LostStateReply_IsUsedUp_AfterCountDecisions()
    {
        var installation = Fake.CreateInstallation("acme");
        var connection = _clients.Connection(installation);
        Fake.Faults.LoseStateReplyNext(1);

        await Assert.ThrowsAsync<TalkdeskApiException>(() =>
            _clients.Api.SetInstallationStateAsync(connection, InstallationDecision.Approve, null, default));
        var second = await _clients.Api.SetInstallationStateAsync(connection, InstallationDecision.Approve, null, default);

        Assert.Equal("completed", second.State);
        Assert.Equal(2, Fake.Decisions.Count);
    }

    [Fact]
    public async Task StateUpdatedAt_IsCreatedAt_UntilTheStateChanges()
    {
        var installation = Fake.CreateInstallation("acme");
        var connection = _clients.Connection(installation);
        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(installation.CreatedAt, (await _clients.Api.GetInstallationAsync(connection, default)).State!.UpdatedAt);
        var answer = await _clients.Api.SetInstallationStateAsync(connection, InstallationDecision.Approve, null, default);

        Assert.Equal(installation.CreatedAt.AddMinutes(5), answer.UpdatedAt);
        Assert.Equal(installation.CreatedAt.AddMinutes(5), installation.StateUpdatedAt);
    }

    [Fact]
    public async Task RefusedInstallation_GetsInvalidClient_FromTheTokenEndpoint()
    {
        var installation = Fake.CreateInstallation("acme");
        Fake.RefuseTokensFor(installation);

        var error = await Assert.ThrowsAsync<TalkdeskApiException>(() =>
            _clients.Api.GetInstallationAsync(_clients.Connection(installation), default));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("invalid_client", error.Message);
        Assert.DoesNotContain(Fake.TokenGrants, g => g.ClientId == installation.Credentials.ClientId);
    }

    [Fact]
    public async Task ForgedCredentials_GetInvalidClient_FromTheTokenEndpoint()
    {
        var installation = Fake.CreateInstallation("acme");
        var forged = _clients.Connection(installation) with { Credentials = FakeKeyPair.Create("ES256").Credentials };

        var error = await Assert.ThrowsAsync<TalkdeskApiException>(() => _clients.Api.GetInstallationAsync(forged, default));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("invalid_client", error.Message);
    }
}
