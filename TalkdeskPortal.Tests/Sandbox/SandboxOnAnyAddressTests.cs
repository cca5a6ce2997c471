using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Product.Events;
using TalkdeskPortal.Sandbox;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Sandbox;

/// <summary>`dotnet run --urls http://localhost:5099`: the sandbox follows the port the portal listens on, not 5080.</summary>
[Collection(PortalCollection.Name)]
public sealed class SandboxOnAnyAddressTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    [Fact]
    public async Task Development_AsShipped_OnAnotherPort_CompletesASandboxInstall_AndTheProductHearsIt()
    {
        await using var portal = PortalApp.StartWithSandbox("Development");

        await InstallAndCompleteAsync(portal);
    }

    [Fact]
    public async Task NoTalkdeskAddressSet_OnAnotherPort_CompletesASandboxInstall_AndTheProductHearsIt()
    {
        await using var portal = PortalApp.StartWithSandbox("Testing", s =>
        {
            s["Talkdesk:AppIds:0"] = "sandbox-app";
            s["Product:WebhookUrl"] = "/sandbox/product/webhook";
            s["Product:WebhookSecret"] = Secret;
            s["Product:ApproveWhen"] = "ProductAccepted";
        });

        await InstallAndCompleteAsync(portal);
    }

    private static async Task InstallAndCompleteAsync(PortalApp portal)
    {
        var port = portal.Http.BaseAddress!.Port;
        Assert.NotEqual(5080, port);
        Assert.Equal(port, portal.Get<SandboxAddress>().Base.Port);

        var installation = await portal.Get<SandboxEventSender>().InstallAsync("anyport", 3);

        var request = await WaitForRequestAsync(portal, installation.InstallationId, r => r.State == RequestState.Completed);
        Assert.Equal(RequestKind.Install, request.Kind);
        Assert.StartsWith($"{portal.Http.BaseAddress.GetLeftPart(UriPartial.Authority)}/sandbox/api/", request.ApiRoot);
        Assert.Contains(portal.Get<FakeTalkdesk>().Decisions, d => d.InstallationId == installation.InstallationId && d.State == "approve");
        var delivery = Assert.Single(portal.Get<FakeProduct>().Received, d => d.Type == ProductEventTypes.Provisioned);
        Assert.True(delivery.Verified, delivery.VerificationError);
        Assert.Equal(200, delivery.AnsweredWith);
    }

    private static async Task<LifecycleRequest> WaitForRequestAsync(PortalApp portal, string installationId, Func<LifecycleRequest, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        LifecycleRequest? last = null;
        while (DateTime.UtcNow < deadline)
        {
            await using (var db = portal.Db())
            {
                last = await db.Requests.AsNoTracking().FirstOrDefaultAsync(r => r.InstallationId == installationId);
                if (last is not null && done(last)) return last;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The sandbox install is {last?.State.ToString() ?? "missing"} (error: {last?.Error}).");
    }
}
