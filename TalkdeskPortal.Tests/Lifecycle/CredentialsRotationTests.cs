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
}
