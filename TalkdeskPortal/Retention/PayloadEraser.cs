using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Notifications;
using TalkdeskPortal.Product;

namespace TalkdeskPortal.Retention;

/// <summary>
/// Erases what finished requests carried: the event's (redacted) payload, the request's data and staged snapshot,
/// its product webhooks' bodies and the answers to them, its notification bodies, addresses in its audit details.
/// The request row, its timeline and its audit stay. One batch, one short transaction; safe to run twice.
/// </summary>
public sealed class PayloadEraser(RetentionDb dbs, TimeProvider time)
{
    // What an erased JSON column holds (the payload and the body are required).
    public const string ErasedJson = "{}";

    // Settled: nothing will send it again on its own. Written as "not open" on purpose: with a list of ids beside a
    // list of states, SQLite picks the (State, NextAttemptAt) index and reads every delivered webhook.
    public static readonly Expression<Func<ProductDelivery, bool>> SettledDelivery =
        d => d.State != ProductDeliveryState.Pending && d.State != ProductDeliveryState.Retrying;

    private static readonly Expression<Func<NotificationMessage, bool>> SettledNotification =
        n => n.State != NotificationState.Pending && n.State != NotificationState.Retrying;

    /// <summary>Erases the final ones among <paramref name="requestIds"/>; returns how many were not erased before.</summary>
    public async Task<int> EraseAsync(IReadOnlyCollection<long> requestIds, CancellationToken ct)
    {
        if (requestIds.Count == 0) return 0;
        var candidates = requestIds.ToList();
        await using var db = await dbs.OpenAsync(ct);
        // What to write is read first, outside the transaction, so the write lock is held for the writes alone. It
        // cannot change meanwhile: a final state is never left. (The state is checked here, not in SQL: with a list
        // of ids and a state list, SQLite picks the (State, Kind) index and reads every finished request.)
        var requests = (await db.Requests.AsNoTracking().Where(r => candidates.Contains(r.Id))
                .Select(r => new { r.Id, r.EventId, r.State }).ToListAsync(ct))
            .Where(r => r.State.IsFinal()).ToList();
        if (requests.Count == 0) return 0;
        var ids = requests.Select(r => r.Id).ToList();
        var eventIds = requests.Select(r => r.EventId).ToList();
        var deliveryIds = await db.ProductDeliveries.Where(d => d.RequestId != null && ids.Contains(d.RequestId.Value)).Where(SettledDelivery)
            .Select(d => d.Id).ToListAsync(ct);
        var scrubbed = await AuditScrub.FindAsync(db.Audit.Where(a => a.RequestId != null && ids.Contains(a.RequestId.Value)), ct);
        scrubbed.AddRange(await AuditScrub.FindAsync(db.Audit.Where(a => a.RequestId == null && a.EventId != null && eventIds.Contains(a.EventId)), ct));

        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var erased = await db.Requests
            .Where(r => ids.Contains(r.Id) && r.PayloadsErasedAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.PayloadsErasedAt, now)
                .SetProperty(r => r.DataJson, (string?)null)
                .SetProperty(r => r.StagedJson, (string?)null)
                .SetProperty(r => r.ProtectedCredentials, (string?)null), ct);
        await db.Events.Where(e => eventIds.Contains(e.Id) && e.RedactedPayload != ErasedJson)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.RedactedPayload, ErasedJson), ct);
        await EraseDeliveriesAsync(db, deliveryIds, ct);
        await db.Notifications.Where(n => n.RequestId != null && ids.Contains(n.RequestId.Value) && n.Body != "").Where(SettledNotification)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Body, ""), ct);
        await AuditScrub.ApplyAsync(db, scrubbed, ct);
        await transaction.CommitAsync(ct);
        return erased;
    }

    /// <summary>Bodies of settled webhooks and the product's answers to them; one still to be sent keeps its body.</summary>
    public static async Task<int> EraseDeliveriesAsync(Data.PortalDbContext db, IReadOnlyList<long> deliveryIds, CancellationToken ct)
    {
        if (deliveryIds.Count == 0) return 0;
        var ids = deliveryIds.ToList();
        await db.ProductDeliveryAttempts.Where(a => ids.Contains(a.DeliveryId) && a.ResponseSnippet != null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ResponseSnippet, (string?)null), ct);
        return await db.ProductDeliveries.Where(d => ids.Contains(d.Id) && d.Body != ErasedJson).Where(SettledDelivery)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Body, ErasedJson), ct);
    }
}
