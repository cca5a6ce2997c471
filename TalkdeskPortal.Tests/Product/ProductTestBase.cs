using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Product;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Product;

/// <summary>A fake Talkdesk, a fake product that verifies every delivery, and a portal between them.</summary>
public abstract class ProductTestBase : PortalTestBase
{
    protected FakeProductHost Product { get; private set; } = null!;

    protected virtual string ApproveWhen => "Immediately";

    public override async Task InitializeAsync()
    {
        Product = await FakeProductHost.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Product.DisposeAsync();
    }

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Product:WebhookUrl"] = Product.Url.ToString();
        settings["Product:WebhookSecret"] = Product.Secret;
        settings["Product:ApproveWhen"] = ApproveWhen;
        settings["Product:AttemptTimeout"] = "00:00:02";
    }

    protected async Task<IReadOnlyList<ReceivedWebhook>> WaitForWebhooksAsync(int count, int timeoutMs = 15_000)
    {
        var until = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (Product.Verified.Count < count && DateTime.UtcNow < until) await Task.Delay(25);
        Assert.True(Product.Verified.Count >= count,
            $"expected {count} verified webhooks, got {Product.Verified.Count} (received {Product.Received.Count}: {string.Join("; ", Product.Received.Select(r => r.Error))})");
        return Product.Verified;
    }

    protected async Task<ProductDelivery> WaitForDeliveryAsync(Func<ProductDelivery, bool> done, int timeoutMs = 15_000)
    {
        var until = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        ProductDelivery? last = null;
        while (DateTime.UtcNow < until)
        {
            await using (var db = Portal.Db())
            {
                last = await db.ProductDeliveries.AsNoTracking().OrderByDescending(d => d.Id).FirstOrDefaultAsync();
                if (last is not null && done(last)) return last;
            }
            await Task.Delay(25);
        }
        throw new TimeoutException($"Last delivery is {last?.State.ToString() ?? "missing"} after {last?.Attempts} attempts ({last?.LastError}).");
    }
}
