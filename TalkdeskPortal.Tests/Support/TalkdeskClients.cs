using Microsoft.Extensions.DependencyInjection;
using TalkdeskPortal.Sandbox;
using TalkdeskPortal.Talkdesk;

namespace TalkdeskPortal.Tests.Support;

/// <summary>The portal's own Talkdesk client (real wiring, real resilience pipeline) pointed at one fake.</summary>
public sealed class TalkdeskClients(FakeTalkdeskHost talkdesk, Dictionary<string, string?>? extra = null) : IDisposable
{
    private readonly ServiceProvider _services = TalkdeskServices.Build(Merge(TalkdeskServices.For(talkdesk), extra));

    public ITalkdeskApi Api => _services.GetRequiredService<ITalkdeskApi>();

    public TalkdeskConnection Connection(FakeInstallation installation) =>
        new(talkdesk.Fake.AppId, installation.InstallationId, installation.AccountName, talkdesk.ApiRoot, installation.Credentials);

    public void Dispose() => _services.Dispose();

    private static Dictionary<string, string?> Merge(Dictionary<string, string?> settings, Dictionary<string, string?>? extra)
    {
        foreach (var (key, value) in extra ?? []) settings[key] = value;
        return settings;
    }
}
