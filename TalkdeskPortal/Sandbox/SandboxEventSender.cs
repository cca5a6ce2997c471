using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TalkdeskPortal.Webhooks;

namespace TalkdeskPortal.Sandbox;

/// <summary>Plays Talkdesk for a newcomer: creates sample installations in the fake and posts their events to the portal.</summary>
public sealed class SandboxEventSender(HttpClient http, FakeTalkdesk talkdesk, IOptionsMonitor<SandboxOptions> options)
{
    // Read on each send: the portal's own address is known only once it listens.
    private Uri PortalBase => new(options.CurrentValue.PortalBaseUrl ?? throw new InvalidOperationException("Sandbox:PortalBaseUrl is not known yet."));

    public Uri ApiRoot => new(PortalBase, SandboxOptions.Prefix.TrimStart('/') + "/api/");

    public FakeTalkdesk Talkdesk => talkdesk;

    public async Task<FakeInstallation> InstallAsync(string accountName, int users, CancellationToken ct = default)
    {
        var installation = talkdesk.CreateInstallation(accountName, users);
        await PostAsync(talkdesk.InstalledEvent(installation, ApiRoot), ct);
        return installation;
    }

    public Task UpdateAsync(FakeInstallation installation, CancellationToken ct = default)
    {
        var newcomer = talkdesk.AddUser(installation);
        return PostAsync(talkdesk.UpdatedEvent(installation, ApiRoot, [newcomer.Id], null, "Paid Plus", 10), ct);
    }

    public Task UninstallAsync(FakeInstallation installation, CancellationToken ct = default) =>
        PostAsync(talkdesk.UninstalledEvent(installation, ApiRoot), ct);

    public Task RotateCredentialsAsync(FakeInstallation installation, CancellationToken ct = default) =>
        PostAsync(talkdesk.CredentialsRotatedEvent(installation, ApiRoot), ct);

    public async Task<FakeInstallation> ReinstallAsync(FakeInstallation installation, CancellationToken ct = default)
    {
        var again = talkdesk.Reinstall(installation);
        await PostAsync(talkdesk.InstalledEvent(again, ApiRoot), ct);
        return again;
    }

    private async Task PostAsync(JsonObject evt, CancellationToken ct)
    {
        using var content = new StringContent(evt.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(PortalBase, WebhookEndpoints.Path.TrimStart('/')), content, ct);
        response.EnsureSuccessStatusCode();
    }
}
