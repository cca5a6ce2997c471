using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Lifecycle;

public sealed class CredentialsRotationTests : PortalTestBase
{
    [Fact]
    public async Task Rotation_IsAcknowledged_AndTheNewKeyIsUsedAfterwards()
    {
        var installation = await InstallAsync("rotating");
        var oldClientId = installation.Credentials.ClientId;

        await DeliverAsync(Fake.CredentialsRotatedEvent(installation, Talkdesk.ApiRoot), RequestState.Completed);
        var newClientId = installation.Credentials.ClientId;
        Assert.NotEqual(oldClientId, newClientId);
        Assert.Contains(newClientId, Fake.AcknowledgedClientIds);

        Fake.Faults.RevokeTokens(); // force a fresh token for the next call
        var grantsBefore = Fake.TokenGrants.Count;
        await DeliverAsync(Fake.UpdatedEvent(installation, Talkdesk.ApiRoot, planName: "Paid", licenses: 7), RequestState.Completed);

        var later = Fake.TokenGrants.Skip(grantsBefore).ToList();
        Assert.Contains(later, g => g.ClientId == newClientId);
        Assert.DoesNotContain(later, g => g.ClientId == oldClientId);
        Assert.Equal(2, DecisionsFor(installation));
    }

    [Fact]
    public async Task RotationDeliveredWithOtherCredentialsThanTalkdesksCopy_IsRefused_AndTheStoredSetStays()
    {
        var installation = await InstallAsync("forgedrotation");
        var oldClientId = installation.Credentials.ClientId;
        var forged = Fake.CredentialsRotatedEvent(installation, Talkdesk.ApiRoot); // Talkdesk's copy names the real new set
        ForgedCredentials.WriteInto(forged);

        var refused = await DeliverAsync(forged, RequestState.Refused);

        Assert.Contains("other credentials", refused.Error);
        Assert.Null(refused.ProtectedCredentials);
        await using var db = Portal.Db();
        Assert.Equal(oldClientId, (await db.Credentials.SingleAsync(c => c.InstallationId == installation.InstallationId)).ClientId);
        Assert.DoesNotContain("forged-client", Fake.AcknowledgedClientIds);
    }
}

/// <summary>With events unconfirmed (an operator's choice), a delivered set still has to earn a token before it is stored.</summary>
public sealed class UnconfirmedCredentialsRotationTests : PortalTestBase
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["Talkdesk:ConfirmEvents"] = "false";

    [Fact]
    public async Task RotationWithCredentialsTalkdeskRefuses_Fails_AndTheWorkingSetStays()
    {
        var installation = await InstallAsync("badrotation");
        var oldClientId = installation.Credentials.ClientId;
        var rotated = Fake.CredentialsRotatedEvent(installation, Talkdesk.ApiRoot);
        rotated["data"]!["client_id"] = "unknown-client";

        await Portal.PostEventAsync(rotated);
        var failed = await Portal.WaitForRequestAsync(PortalApp.EventId(rotated), r => r.State == RequestState.Failed);

        Assert.Contains("refused a token", failed.Error);
        await using var db = Portal.Db();
        Assert.Equal(oldClientId, (await db.Credentials.SingleAsync(c => c.InstallationId == installation.InstallationId)).ClientId);
        Assert.DoesNotContain("unknown-client", Fake.AcknowledgedClientIds);
    }
}
