using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Data;
using TalkdeskPortal.Lifecycle;

namespace TalkdeskPortal.Webhooks;

/// <summary>
/// Commits an event, its delivery and its lifecycle request in one transaction; only then may the
/// caller acknowledge. A redelivery (same id) is one more delivery row and nothing else.
/// </summary>
public sealed class IntakeStore(IDbContextFactory<PortalDbContext> dbFactory, CredentialProtector protector, AuditLog audit, TimeProvider time)
{
    /// <summary>
    /// Group commit: every delivery in the batch, first or repeated, is written in one transaction (one fsync for
    /// all) through prepared inserts, then each caller is answered. If the batch write fails, each delivery takes
    /// the one-by-one path.
    /// </summary>
    public async Task AcceptBatchAsync(IReadOnlyList<PendingIntake> batch, CancellationToken ct)
    {
        var written = new List<PendingIntake>(batch.Count);
        var repeated = new List<(PendingIntake Pending, long? RequestId)>();
        var oneByOne = new List<PendingIntake>();
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            using var events = PreparedInsert<ReceivedEvent>.Create(db, skipExisting: true);
            using var deliveries = PreparedInsert<EventDelivery>.Create(db);
            using var requests = PreparedInsert<LifecycleRequest>.Create(db);
            using var auditEntries = PreparedInsert<AuditEntry>.Create(db);
            // In event-id order: two instances' batches holding the same new ids then wait for each other in the
            // same order (a short wait) instead of deadlocking (PostgreSQL aborting one of them after a second).
            foreach (var pending in batch.OrderBy(p => p.Rows.Event.Id, StringComparer.Ordinal))
            {
                var rows = pending.Rows;
                // Already stored (a redelivery, or a second copy within this batch): one more delivery, nothing new.
                if (!await events.InsertAsync(rows.Event, ct))
                {
                    repeated.Add((pending, await AddRedeliveryAsync(db, pending, deliveries, auditEntries, ct)));
                    continue;
                }
                await deliveries.InsertAsync(rows.Delivery, ct);
                if (rows.Request is { } request)
                {
                    await requests.InsertAsync(request, ct);
                    rows.Audit.RequestId = request.Id;
                }
                await auditEntries.InsertAsync(rows.Audit, ct);
                written.Add(pending);
            }
            await transaction.CommitAsync(ct);
        }
        catch (DbException)
        {
            // Nothing of the batch was committed; each delivery gets a transaction of its own.
            written.Clear();
            repeated.Clear();
            oneByOne = [.. batch];
        }
        foreach (var pending in written)
            pending.Completion.TrySetResult(new IntakeResult(pending.Event.Kind is null ? IntakeStatus.Ignored : IntakeStatus.Accepted, pending.Rows.Request?.Id));
        foreach (var (pending, requestId) in repeated)
            pending.Completion.TrySetResult(new IntakeResult(IntakeStatus.Duplicate, requestId));
        foreach (var pending in oneByOne)
        {
            try { pending.Completion.TrySetResult(await AcceptAsync(pending.Event, pending.RemoteAddress, ct)); }
            catch (Exception ex) { pending.Completion.TrySetException(ex); }
        }
    }

    /// <summary>
    /// A redelivery inside the batch's transaction: the stored event counts one more delivery (an atomic increment,
    /// which on PostgreSQL also waits for another instance still committing the same event), the delivery and an
    /// audit entry are added. Returns the event's request, if it has one.
    /// </summary>
    private async Task<long?> AddRedeliveryAsync(PortalDbContext db, PendingIntake pending,
        PreparedInsert<EventDelivery> deliveries, PreparedInsert<AuditEntry> auditEntries, CancellationToken ct)
    {
        var parsed = pending.Event;
        var delivery = pending.Rows.Delivery;
        await db.Events.Where(e => e.Id == parsed.Id).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.DeliveryCount, e => e.DeliveryCount + 1)
            .SetProperty(e => e.LastReceivedAt, delivery.ReceivedAt), ct);
        var stored = await db.Events.AsNoTracking().Where(e => e.Id == parsed.Id)
            .Select(e => new { e.DeliveryCount, e.AccountId }).SingleAsync(ct);
        await deliveries.InsertAsync(delivery, ct);
        await auditEntries.InsertAsync(RedeliveryEntry(parsed, stored.DeliveryCount, stored.AccountId), ct);
        return await db.Requests.AsNoTracking().Where(r => r.EventId == parsed.Id).Select(r => (long?)r.Id).FirstOrDefaultAsync(ct);
    }

    private AuditEntry RedeliveryEntry(ParsedEvent parsed, int deliveryCount, string? accountId) =>
        audit.Entry(AuditActors.Talkdesk, "event.redelivered", AuditOutcomes.Skipped, eventId: parsed.Id, accountId: accountId,
            detail: $"Delivery #{deliveryCount} of {parsed.Type}; already recorded, nothing new started");

    public async Task<IntakeResult> AcceptAsync(ParsedEvent parsed, string? remoteAddress, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using (var lookup = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await lookup.Events.AnyAsync(e => e.Id == parsed.Id, ct))
                return await RecordRedeliveryAsync(parsed, remoteAddress, now, ct);
        }
        try
        {
            return await InsertAsync(parsed, remoteAddress, ct);
        }
        catch (DbUpdateException)
        {
            // Two deliveries of one new event raced and this one lost: it is a redelivery.
            return await RecordRedeliveryAsync(parsed, remoteAddress, now, ct);
        }
    }

    private async Task<IntakeResult> RecordRedeliveryAsync(ParsedEvent parsed, string? remoteAddress, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Write first, so the transaction holds the write lock before it reads; the increment is atomic in SQL.
        await db.Events.Where(e => e.Id == parsed.Id).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.DeliveryCount, e => e.DeliveryCount + 1)
            .SetProperty(e => e.LastReceivedAt, now), ct);
        var stored = await db.Events.AsNoTracking().Where(e => e.Id == parsed.Id)
            .Select(e => new { e.DeliveryCount, e.AccountId }).SingleAsync(ct);
        db.Deliveries.Add(new EventDelivery { EventId = parsed.Id, ReceivedAt = now, RemoteAddress = remoteAddress });
        db.Audit.Add(RedeliveryEntry(parsed, stored.DeliveryCount, stored.AccountId));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        var requestId = await db.Requests.Where(r => r.EventId == parsed.Id).Select(r => (long?)r.Id).FirstOrDefaultAsync(ct);
        return new IntakeResult(IntakeStatus.Duplicate, requestId);
    }

    private async Task<IntakeResult> InsertAsync(ParsedEvent parsed, string? remoteAddress, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = Build(parsed, remoteAddress);
        db.Events.Add(rows.Event);
        db.Deliveries.Add(rows.Delivery);
        if (rows.Request is not null) db.Requests.Add(rows.Request);
        db.Audit.Add(rows.Audit);
        await db.SaveChangesAsync(ct);
        return new IntakeResult(parsed.Kind is null ? IntakeStatus.Ignored : IntakeStatus.Accepted, rows.Request?.Id);
    }

    /// <summary>The rows of a first delivery, credentials encrypted; nothing is written yet.</summary>
    public IntakeRows Build(ParsedEvent parsed, string? remoteAddress)
    {
        var now = time.GetUtcNow();
        var stored = new ReceivedEvent
        {
            Id = parsed.Id, Type = parsed.Type, AppId = parsed.AppId, InstallationId = parsed.InstallationId,
            AccountId = parsed.AccountId, CreatedAt = parsed.CreatedAt, FirstReceivedAt = now, LastReceivedAt = now,
            DeliveryCount = 1, Ignored = parsed.Kind is null, RedactedPayload = parsed.RedactedPayload,
        };
        var delivery = new EventDelivery { EventId = parsed.Id, ReceivedAt = now, RemoteAddress = remoteAddress };
        LifecycleRequest? request = null;
        if (parsed.Kind is { } kind)
        {
            request = new LifecycleRequest
            {
                EventId = parsed.Id, Kind = kind, State = RequestState.Received, AppId = parsed.AppId,
                InstallationId = parsed.InstallationId!, AccountId = parsed.AccountId!, AccountName = parsed.AccountName,
                ApiRoot = parsed.ApiRoot!.ToString(), EventCreatedAt = parsed.CreatedAt, ReceivedAt = now, UpdatedAt = now,
                Deadline = RequestExpiry.DeadlineFor(parsed.CreatedAt, now),
                DataJson = JsonSerializer.Serialize(parsed.Data),
                ProtectedCredentials = parsed.Credentials is { } c ? protector.Protect(c) : null,
            };
        }
        var entry = audit.Entry(AuditActors.Talkdesk, parsed.Kind is null ? "event.ignored" : "event.received",
            parsed.Kind is null ? AuditOutcomes.Skipped : AuditOutcomes.Ok, eventId: parsed.Id, accountId: parsed.AccountId,
            detail: parsed.Kind is null ? $"{parsed.Type} is not a type this portal acts on" : $"{parsed.Type} for installation {parsed.InstallationId}");
        return new IntakeRows(stored, delivery, request, entry);
    }
}
