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
    public async Task<IntakeResult> AcceptAsync(ParsedEvent parsed, string? remoteAddress, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await TryAcceptAsync(parsed, remoteAddress, ct);
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Two deliveries of one new event raced; the loser is now a redelivery.
            }
        }
    }

    private async Task<IntakeResult> TryAcceptAsync(ParsedEvent parsed, string? remoteAddress, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.Events.FirstOrDefaultAsync(e => e.Id == parsed.Id, ct);
        var delivery = new EventDelivery { EventId = parsed.Id, ReceivedAt = now, RemoteAddress = remoteAddress };
        if (existing is not null)
        {
            existing.DeliveryCount++;
            existing.LastReceivedAt = now;
            db.Deliveries.Add(delivery);
            audit.Add(db, AuditActors.Talkdesk, "event.redelivered", AuditOutcomes.Skipped, eventId: parsed.Id,
                accountId: existing.AccountId, detail: $"Delivery #{existing.DeliveryCount} of {parsed.Type}; already recorded, nothing new started");
            await db.SaveChangesAsync(ct);
            var requestId = await db.Requests.Where(r => r.EventId == parsed.Id).Select(r => (long?)r.Id).FirstOrDefaultAsync(ct);
            return new IntakeResult(IntakeStatus.Duplicate, requestId);
        }

        db.Events.Add(new ReceivedEvent
        {
            Id = parsed.Id, Type = parsed.Type, AppId = parsed.AppId, InstallationId = parsed.InstallationId,
            AccountId = parsed.AccountId, CreatedAt = parsed.CreatedAt, FirstReceivedAt = now, LastReceivedAt = now,
            DeliveryCount = 1, Ignored = parsed.Kind is null, RedactedPayload = parsed.RedactedPayload,
            Deliveries = [delivery],
        });
        LifecycleRequest? request = null;
        if (parsed.Kind is { } kind)
        {
            request = new LifecycleRequest
            {
                EventId = parsed.Id, Kind = kind, State = RequestState.Received, AppId = parsed.AppId,
                InstallationId = parsed.InstallationId!, AccountId = parsed.AccountId!, AccountName = parsed.AccountName,
                ApiRoot = parsed.ApiRoot!.ToString(), EventCreatedAt = parsed.CreatedAt, ReceivedAt = now, UpdatedAt = now,
                Deadline = now + RequestExpiry.TalkdeskWindow,
                DataJson = JsonSerializer.Serialize(parsed.Data),
                ProtectedCredentials = parsed.Credentials is { } c ? protector.Protect(c) : null,
            };
            db.Requests.Add(request);
        }
        audit.Add(db, AuditActors.Talkdesk, parsed.Kind is null ? "event.ignored" : "event.received",
            parsed.Kind is null ? AuditOutcomes.Skipped : AuditOutcomes.Ok, eventId: parsed.Id, accountId: parsed.AccountId,
            detail: parsed.Kind is null ? $"{parsed.Type} is not a type this portal acts on" : $"{parsed.Type} for installation {parsed.InstallationId}");
        await db.SaveChangesAsync(ct);
        return new IntakeResult(parsed.Kind is null ? IntakeStatus.Ignored : IntakeStatus.Accepted, request?.Id);
    }
}
