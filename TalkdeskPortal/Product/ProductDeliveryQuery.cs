using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Data;

namespace TalkdeskPortal.Product;

/// <summary>Reads deliveries for staff: a filtered page, newest first, and one delivery with its attempts.</summary>
public sealed class ProductDeliveryQuery(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<(IReadOnlyList<ProductDeliveryRow> Rows, int Total)> PageAsync(ProductDeliveryFilter filter, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.ProductDeliveries.AsNoTracking();
        if (filter.State is { } state) query = query.Where(d => d.State == state);
        if (!string.IsNullOrWhiteSpace(filter.Type)) query = query.Where(d => d.Type == filter.Type);
        if (filter.RequestId is { } requestId) query = query.Where(d => d.RequestId == requestId);
        if (filter.Account?.Trim() is { Length: > 0 } account)
            query = query.Where(d => d.AccountId == account || (d.AccountName != null && d.AccountName.StartsWith(account)));
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(d => d.Id).Skip(skip).Take(take)
            .Select(d => new ProductDeliveryRow(d.Id, d.Type, d.AccountId, d.AccountName, d.RequestId, d.State, d.GatesApproval,
                d.Attempts, d.LastStatusCode, d.LastError, d.CreatedAt, d.DeliveredAt, d.NextAttemptAt))
            .ToListAsync(ct);
        return (rows, total);
    }

    public async Task<ProductDelivery?> FindAsync(long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var delivery = await db.ProductDeliveries.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (delivery is null) return null;
        delivery.AttemptLog = await db.ProductDeliveryAttempts.AsNoTracking()
            .Where(a => a.DeliveryId == id).OrderByDescending(a => a.Number).Take(100).ToListAsync(ct);
        return delivery;
    }

    public async Task<int> CountForAccountAsync(string accountId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ProductDeliveries.CountAsync(d => d.AccountId == accountId, ct);
    }
}
