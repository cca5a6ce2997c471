using System.Net;
using TalkdeskPortal.Talkdesk;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Talkdesk;

/// <summary>A POST that decides something is sent once per call; only reads are retried inside the pipeline.</summary>
[Collection(PortalCollection.Name)]
public sealed class UnsafeRetryTests : IAsyncLifetime
{
    private FakeTalkdeskHost _talkdesk = null!;
    private TalkdeskClients _clients = null!;

    public async Task InitializeAsync()
    {
        _talkdesk = await FakeTalkdeskHost.StartAsync();
        _clients = new TalkdeskClients(_talkdesk);
    }

    public async Task DisposeAsync()
    {
        _clients.Dispose();
        await _talkdesk.DisposeAsync();
    }

    [Fact]
    public async Task StatePost_Answered502_IsSentOnce_AndThrows()
    {
        var installation = _talkdesk.Fake.CreateInstallation("acme");
        _talkdesk.Fake.Faults.FailNext(1, 502);

        var error = await Assert.ThrowsAsync<TalkdeskApiException>(() =>
            _clients.Api.SetInstallationStateAsync(_clients.Connection(installation), InstallationDecision.Approve, null, default));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Single(_talkdesk.Fake.Calls, c => c.Method == "POST" && c.Path.EndsWith("/state"));
        Assert.Empty(_talkdesk.Fake.Decisions);
    }

    [Fact]
    public async Task CredentialsAcknowledgement_Answered502_IsSentOnce_AndThrows()
    {
        var installation = _talkdesk.Fake.CreateInstallation("acme");
        _talkdesk.Fake.Faults.FailNext(1, 502);

        await Assert.ThrowsAsync<TalkdeskApiException>(() =>
            _clients.Api.AcknowledgeCredentialsAsync(_clients.Connection(installation), installation.Credentials.ClientId, default));

        Assert.Single(_talkdesk.Fake.Calls, c => c.Method == "POST" && c.Path.EndsWith("/credentials/" + installation.Credentials.ClientId + "/state"));
        Assert.Empty(_talkdesk.Fake.AcknowledgedClientIds);
    }

    [Fact]
    public async Task Get_Answered502_IsRetried()
    {
        var installation = _talkdesk.Fake.CreateInstallation("acme");
        _talkdesk.Fake.Faults.FailNext(2, 502);

        var found = await _clients.Api.GetInstallationAsync(_clients.Connection(installation), default);

        Assert.Equal(installation.InstallationId, found.Id);
        Assert.Equal([502, 502, 200], _talkdesk.Fake.Calls.Where(c => c.Method == "GET").Select(c => c.Status));
    }

    [Fact]
    public async Task StatePost_Succeeds_WhenTalkdeskAnswers()
    {
        var installation = _talkdesk.Fake.CreateInstallation("acme");

        var state = await _clients.Api.SetInstallationStateAsync(_clients.Connection(installation), InstallationDecision.Approve, null, default);

        Assert.Equal("completed", state.State);
        Assert.Single(_talkdesk.Fake.Decisions);
    }
}
