using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Product;
using TalkdeskPortal.Product.Jobs;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Product;

/// <summary>A product that never answers, on a fake clock: the 7-day deadline still rules.</summary>
public sealed class ProductOutageTests : PortalTestBase
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    protected override TimeProvider? Time => _time;

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Talkdesk:Http:MaxRetryAttempts"] = "0";
        settings["Product:WebhookUrl"] = $"http://127.0.0.1:{ClosedPort()}/webhook"; // nobody listens: no answer at all
        settings["Product:WebhookSecret"] = WebhookSecrets.New();
        settings["Product:ApproveWhen"] = "ProductAccepted";
    }

    [Fact]
    public async Task ProductSilentForSevenDays_TheRequestExpires_AndNothingReachesTalkdesk()
    {
        var installation = Fake.CreateInstallation("silent");
        var request = await DeliverAsync(Fake.InstalledEvent(installation, Talkdesk.ApiRoot), RequestState.AwaitingProduct);

        ProductDelivery delivery;
        var attempts = 0;
        while (true)
        {
            delivery = await DeliveryAsync(d => d.Attempts > attempts && d.State != ProductDeliveryState.Pending);
            attempts = delivery.Attempts;
            if (delivery.State != ProductDeliveryState.Retrying) break;
            Assert.True(delivery.NextAttemptAt < request.Deadline, "no attempt is planned past Talkdesk's deadline");
            _time.Advance(delivery.NextAttemptAt!.Value - _time.GetUtcNow());
            await Portal.Get<ProductDeliveryJob>().RunAsync(delivery.Id, CancellationToken.None);
        }

        Assert.Equal(ProductDeliveryState.Failed, delivery.State);
        Assert.InRange(attempts, 150, 190); // hourly for a week, after a quick start: it kept trying, and not more
        _time.Advance(request.Deadline - _time.GetUtcNow() + TimeSpan.FromMinutes(1));
        await Portal.Get<RequestSweep>().RunAsync(recovering: false, CancellationToken.None);
        await Portal.WaitForStateAsync(request.EventId, RequestState.Expired);
        Assert.Empty(Fake.Decisions);
    }

    private async Task<ProductDelivery> DeliveryAsync(Func<ProductDelivery, bool> done)
    {
        var until = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            await using (var db = Portal.Db())
            {
                var last = await db.ProductDeliveries.AsNoTracking().SingleOrDefaultAsync();
                if (last is not null && done(last)) return last;
                if (DateTime.UtcNow > until) throw new TimeoutException($"delivery is {last?.State} after {last?.Attempts} attempts");
            }
            await Task.Delay(20);
        }
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
