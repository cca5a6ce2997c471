using System.Text;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Lifecycle;

public sealed class SecretHandlingTests : PortalTestBase
{
    [Fact]
    public async Task ClientSecretAndPrivateKey_AppearNowhere_InTheDatabaseFileOrTheLogs()
    {
        var installation = Fake.CreateInstallation("secretive");
        var first = installation.Credentials;
        await DeliverAsync(Fake.InstalledEvent(installation, Talkdesk.ApiRoot), RequestState.Completed);
        await DeliverAsync(Fake.CredentialsRotatedEvent(installation, Talkdesk.ApiRoot), RequestState.Completed);
        var second = installation.Credentials;
        var dataDirectory = Portal.DataDirectory;
        var logs = Portal.Logs.AllText;
        await Portal.DisposeAsync(); // flush the write-ahead log into the file
        Portal = PortalApp.Start(Talkdesk, dataDirectory: dataDirectory);

        var database = Encoding.UTF8.GetString(TestDatabase.RawBytes(dataDirectory));
        logs += Portal.Logs.AllText;
        foreach (var secret in new[] { first.ClientSecret, first.PrivateKey, second.ClientSecret, second.PrivateKey })
        {
            Assert.DoesNotContain(secret, database);
            Assert.DoesNotContain(secret[..Math.Min(24, secret.Length)], database);
            Assert.DoesNotContain(secret, logs);
        }
    }
}
