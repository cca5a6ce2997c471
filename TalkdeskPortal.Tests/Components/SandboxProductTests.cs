using Bunit;
using TalkdeskPortal.Components.Pages.Sandbox;
using TalkdeskPortal.Sandbox;
using TalkdeskPortal.Staff;

namespace TalkdeskPortal.Tests.Components;

public sealed class SandboxProductTests : ComponentTestBase
{
    [Fact]
    public void SandboxProduct_ShowsEachWebhookAsItArrives_VerifiedOrNot()
    {
        SignInAs("admin", StaffRoles.Admin);
        var product = new FakeProduct();
        var cut = Render<SandboxProduct>(p => p.Add(x => x.Product, product));
        Assert.Contains("Nothing yet", cut.Markup);

        product.Record(new FakeProductDelivery(DateTimeOffset.UtcNow, "msg_1", "tenant.provisioned", true, null, 200, "{\"type\":\"tenant.provisioned\"}"));
        product.Record(new FakeProductDelivery(DateTimeOffset.UtcNow, "msg_2", "tenant.updated", false, "No matching signature found", 401, "{}"));

        cut.WaitForAssertion(() => Assert.Contains("Received (2, newest first)", cut.Markup));
        Assert.Contains("signature not valid: No matching signature found", cut.Markup);
        Assert.Contains("signature verified", cut.Markup);
        Assert.Contains("tenant.updated", cut.Markup);

        cut.Dispose();
        product.Record(new FakeProductDelivery(DateTimeOffset.UtcNow, "msg_3", "tenant.uninstalled", true, null, 200, "{}"));
    }
}
