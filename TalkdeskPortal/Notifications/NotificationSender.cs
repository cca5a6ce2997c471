using System.Collections.Concurrent;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TalkdeskPortal.Data;
using TalkdeskPortal.Notifications.Channels;
using TalkdeskPortal.Notifications.Jobs;

namespace TalkdeskPortal.Notifications;

/// <summary>
/// One attempt at one message, safe to call for any id at any time: the row decides whether it is due. Success →
/// Sent; a failure → Retrying on a durable Hangfire schedule (5 s, 30 s, 2 min, 10 min, then every 30 min), and
/// Failed once <see cref="NotificationOptions.GiveUpAfter"/> has passed since it was written.
/// </summary>
public sealed class NotificationSender(
    IDbContextFactory<PortalDbContext> dbFactory,
    IEnumerable<INotificationTransport> transports,
    IBackgroundJobClient jobs,
    IOptionsMonitor<NotificationOptions> options,
    TimeProvider time,
    ILogger<NotificationSender> logger)
{
    private static readonly TimeSpan EarlyTolerance = TimeSpan.FromSeconds(2);

    // Ids being sent in this process: the runner, a Hangfire retry and the scan never send one twice at once.
    private readonly ConcurrentDictionary<long, byte> _sending = new();

    public async Task<NotificationState?> SendAsync(long id, CancellationToken ct)
    {
        if (!_sending.TryAdd(id, 0)) return null;
        try
        {
            return await AttemptAsync(id, ct);
        }
        finally
        {
            _sending.TryRemove(id, out _);
        }
    }

    private async Task<NotificationState?> AttemptAsync(long id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var message = await db.Notifications.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (message is null || message.State is NotificationState.Sent or NotificationState.Failed) return message?.State;
        if (message.State == NotificationState.Retrying && message.NextAttemptAt > time.GetUtcNow() + EarlyTolerance) return message.State;

        var transport = transports.FirstOrDefault(t => t.Channel == message.Channel && t.Enabled);
        string? error = null;
        if (transport is null) error = $"The {message.Channel} channel is not configured";
        else
        {
            try
            {
                await transport.SendAsync(message, ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                error = ex is NotificationSendException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
            }
        }

        var now = time.GetUtcNow();
        message.Attempts++;
        message.UpdatedAt = now;
        message.NextAttemptAt = null;
        if (error is null)
        {
            message.State = NotificationState.Sent;
            message.SentAt = now;
            message.LastError = null;
        }
        else
        {
            var next = now + options.CurrentValue.RetryDelay(message.Attempts);
            var failed = transport is null || next > message.CreatedAt + options.CurrentValue.GiveUpAfter;
            message.State = failed ? NotificationState.Failed : NotificationState.Retrying;
            message.NextAttemptAt = failed ? null : next;
            message.LastError = error.Length > 1000 ? error[..1000] : error;
        }
        try
        {
            // Once the message is out, its record must land even if the portal is stopping: otherwise a restart sends it again.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Notification {NotificationId} was recorded by another sender meanwhile; this result stands down", id);
            return null;
        }

        if (error is null)
            logger.LogInformation("Notification {NotificationId} ({Reason}, {Channel}) sent on attempt {Attempt}", id, message.Reason, message.Channel, message.Attempts);
        else
            logger.LogWarning("Notification {NotificationId} ({Reason}, {Channel}) attempt {Attempt} failed: {Error} -> {State}",
                id, message.Reason, message.Channel, message.Attempts, message.LastError, message.State);
        if (message.State == NotificationState.Retrying) Schedule(id, message.NextAttemptAt!.Value);
        return message.State;
    }

    private void Schedule(long id, DateTimeOffset at)
    {
        try
        {
            jobs.Schedule<NotificationJob>(job => job.RunAsync(id, CancellationToken.None), at);
        }
        catch (Exception ex)
        {
            // The row says Retrying with NextAttemptAt; the scan sends it if this schedule is lost.
            logger.LogError(ex, "Could not schedule the next attempt of notification {NotificationId}", id);
        }
    }
}
