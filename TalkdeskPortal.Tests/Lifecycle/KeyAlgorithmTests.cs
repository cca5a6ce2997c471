using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Lifecycle;

public sealed class KeyAlgorithmTests : PortalTestBase
{
    [Theory]
    [InlineData("ES256")]
    [InlineData("ES384")]
    [InlineData("ES512")]
    [InlineData("PS256")]
    [InlineData("PS384")]
    [InlineData("PS512")]
    public async Task Install_SignsTheAssertionWithEveryTalkdeskKeyAlgorithm(string algorithm)
    {
        var installation = Fake.CreateInstallation($"alg{algorithm.ToLowerInvariant()}", keyAlgorithm: algorithm);

        await DeliverAsync(Fake.InstalledEvent(installation, Talkdesk.ApiRoot), RequestState.Completed);

        var grant = Assert.Single(Fake.TokenGrants);
        Assert.Equal(installation.Credentials.KeyId, grant.KeyId);
        Assert.NotNull(grant.Jti); // issued for an assertion, not Basic auth
    }

    [Fact]
    public async Task Tokens_AreReusedAcrossCalls_UntilTheyNearExpiry()
    {
        var installation = await InstallAsync("cached");

        await DeliverAsync(Fake.UpdatedEvent(installation, Talkdesk.ApiRoot, planName: "Paid", licenses: 2), RequestState.Completed);

        // Install and update made a dozen API calls between them with one token.
        Assert.True(Fake.Calls.Count(c => c.Path.Contains("/api/")) > 8);
        Assert.Single(Fake.TokenGrants);
    }
}

public sealed class BasicAuthFallbackTests : PortalTestBase
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["Talkdesk:ClientAuthentication"] = "Basic";

    [Fact]
    public async Task BasicAuthFallback_GetsTokensWithTheClientSecret()
    {
        await InstallAsync("basic");

        var grant = Assert.Single(Fake.TokenGrants);
        Assert.Null(grant.Jti);
    }
}
