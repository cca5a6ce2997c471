using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Data;
using TalkdeskPortal.Product;

namespace TalkdeskPortal.TenantApi;

/// <summary>
/// Turns <c>Product:BootstrapApiKey</c> into a key named "bootstrap" at start, once: a restart finds its hash and
/// adds nothing, and a bootstrap key an Admin revoked stays revoked.
/// </summary>
public sealed class ApiKeyBootstrap(IOptions<ProductOptions> product, IDbContextFactory<PortalDbContext> dbs, AuditLog audit,
    TimeProvider time, ILogger<ApiKeyBootstrap> logger) : IHostedService
{
    public const string Name = "bootstrap";
    private const string Actor = "configuration";

    public async Task StartAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(product.Value.BootstrapApiKey)) return;
        var key = product.Value.BootstrapApiKey.Trim();
        var hash = ApiKeyMaterial.Hash(key);
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.ApiKeys.AnyAsync(k => k.Hash == hash, ct)) return;
        var row = new ApiKey { Name = Name, Prefix = ApiKeyMaterial.Prefix(key), Hash = hash, CreatedAt = time.GetUtcNow(), CreatedBy = Actor };
        db.ApiKeys.Add(row);
        audit.Add(db, Actor, ApiKeyAdmin.CreatedAction, AuditOutcomes.Ok, detail: $"{Name} ({row.Prefix}…) from Product:BootstrapApiKey");
        try
        {
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Created the bootstrap API key {Prefix}…", row.Prefix);
        }
        catch (DbUpdateException)
        {
            // Another instance starting at the same time may have created it; if not, this start should fail.
            await using var again = await dbs.CreateDbContextAsync(ct);
            if (!await again.ApiKeys.AnyAsync(k => k.Hash == hash, ct)) throw;
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
