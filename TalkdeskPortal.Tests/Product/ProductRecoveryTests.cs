using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Product;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Product;

/// <summary>Deliveries live in the database: a portal that stops mid-outage delivers them when it starts again.</summary>
public sealed class ProductRecoveryTests : ProductTestBase
{
    protected override string ApproveWhen => "ProductAccepted";

    [Fact]
    public async Task PortalRestartedWhileTheProductWasDown_DeliversAtStart_ThenApproves()
    {
        Product.DownFor(1);
        var installation = Fake.CreateInstallation("restarted");
        var request = await DeliverAsync(Fake.InstalledEvent(installation, Talkdesk.ApiRoot), RequestState.AwaitingProduct);
        await WaitForDeliveryAsync(d => d.State == ProductDeliveryState.Retrying);

        var data = Portal.DataDirectory;
        await Portal.DisposeAsync();
        Portal = PortalApp.Start(Talkdesk, Configure, dataDirectory: data);

        await Portal.WaitForStateAsync(request.EventId, RequestState.Completed);
        Assert.Equal(1, DecisionsFor(installation));
        Assert.Equal(2, Product.Received.Count);
        await using var db = Portal.Db();
        Assert.Equal(ProductDeliveryState.Delivered, (await db.ProductDeliveries.SingleAsync()).State);
    }
}
