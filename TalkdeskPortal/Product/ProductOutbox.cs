using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TalkdeskPortal.Data;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Product.Events;
using TalkdeskPortal.Tenants;

namespace TalkdeskPortal.Product;

/// <summary>
/// Writes a request's webhook into the caller's context, so it commits with the move it announces (and is lost
/// with it if that move loses). One per event: a redelivered Talkdesk event finds the row already there.
/// </summary>
public sealed class ProductOutbox(IOptionsMonitor<ProductOptions> options, TimeProvider time)
{
    public bool Enabled => options.CurrentValue.Enabled;

    public bool GatesApproval(LifecycleRequest request) => options.CurrentValue.GatesApproval && request.Kind.NeedsDecision();

    // Stable per Talkdesk event: every attempt and every resend of it carries the same webhook-id.
    public static string MessageIdFor(LifecycleRequest request) =>
        "msg_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request.EventId)))[..32];

    public async Task<ProductDelivery?> AddAsync(PortalDbContext db, LifecycleRequest request, bool gatesApproval, CancellationToken ct)
    {
        if (!Enabled) return null;
        var messageId = MessageIdFor(request);
        var existing = db.ProductDeliveries.Local.FirstOrDefault(d => d.MessageId == messageId)
                       ?? await db.ProductDeliveries.FirstOrDefaultAsync(d => d.MessageId == messageId, ct);
        if (existing is not null) return existing;
        if (await ProductEventBuilder.BuildAsync(db, request, ct) is not { } built) return null;

        var now = time.GetUtcNow();
        var delivery = new ProductDelivery
        {
            MessageId = messageId,
            Type = built.Type,
            Body = built.Body,
            AccountId = request.AccountId,
            AccountName = request.AccountName,
            RequestId = request.Id,
            GatesApproval = gatesApproval,
            State = ProductDeliveryState.Pending,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.ProductDeliveries.Add(delivery);
        return delivery;
    }

    /// <summary>
    /// The <c>tenant.updated</c> of one reconciliation repair, tied to no request. Its id is fixed by the repair's time,
    /// so every attempt and resend of it carries the same webhook-id.
    /// </summary>
    public ProductDelivery? AddDrift(PortalDbContext db, Tenant tenant, IReadOnlyList<ProductUser> added, IReadOnlyList<ProductUser> removed)
    {
        if (!Enabled) return null;
        var now = time.GetUtcNow();
        var (type, body) = ProductEventBuilder.Drift(tenant, added, removed, now);
        var delivery = new ProductDelivery
        {
            MessageId = $"msg_drift_{tenant.Id}_{now.UtcTicks}",
            Type = type,
            Body = body,
            AccountId = tenant.TalkdeskAccountId,
            AccountName = tenant.AccountName,
            State = ProductDeliveryState.Pending,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.ProductDeliveries.Add(delivery);
        return delivery;
    }
}
