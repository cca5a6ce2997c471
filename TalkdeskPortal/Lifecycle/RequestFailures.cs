using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TalkdeskPortal.Data;
using TalkdeskPortal.Lifecycle.Jobs;

namespace TalkdeskPortal.Lifecycle;

/// <summary>
/// What a failed step leaves behind. Decided on the row as saved (re-read), never on what the failed step had
/// half-changed in memory: transient → Retrying with a durable Hangfire retry at NextAttemptAt; an unknown
/// installation → wait for its install; anything else → Failed, where staff Retry resumes it.
/// </summary>
public sealed class RequestFailures(
    RequestStateMachine machine,
    OrphanRequests orphans,
    IBackgroundJobClient jobs,
    IOptions<JobOptions> options,
    TimeProvider time,
    ILogger<RequestFailures> logger)
{
    private static readonly TimeSpan LastChance = TimeSpan.FromMinutes(1);

    public async Task HandleAsync(PortalDbContext db, long requestId, Exception ex, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var request = await db.Requests.FirstAsync(r => r.Id == requestId, ct);
        if (request.State.IsFinal() || request.State is RequestState.Failed or RequestState.Retrying
            or RequestState.AwaitingApproval or RequestState.AwaitingProduct) return;
        var error = Trim(ex.Message);

        if (ex is InstallationNotKnownException)
        {
            await WaitForInstallAsync(db, request, error, ct);
            return;
        }
        if (!FailureKind.IsTransient(ex))
        {
            logger.LogWarning("Request {RequestId} failed at {State}: {Error}", request.Id, request.State, error);
            await machine.MoveAsync(db, request, RequestTrigger.PermanentFailure, ct,
                r => r.Error = error, detail: $"At {request.State}: {error}");
            return;
        }

        var attempt = request.Attempts + 1;
        var next = time.GetUtcNow() + options.Value.RetryDelay(attempt, FailureKind.RetryAfter(ex));
        // The last try comes a little before the deadline (a decision in doubt is read back then), never after.
        var lastChance = request.Deadline - LastChance;
        if (next > lastChance) next = lastChance > time.GetUtcNow() ? lastChance : request.Deadline;
        var from = request.State;
        logger.LogWarning("Request {RequestId} hit a transient failure at {State} (attempt {Attempt}); next attempt at {Next:u}: {Error}",
            request.Id, from, attempt, next, error);
        var moved = await machine.MoveAsync(db, request, RequestTrigger.TransientFailure, ct, r =>
        {
            r.Error = error;
            r.Attempts = attempt;
            r.NextAttemptAt = next;
        }, detail: $"Attempt {attempt} at {from}: {error}. Next attempt {next:u}.");
        if (!moved) return;
        try
        {
            jobs.Schedule<ProcessRequestJob>(job => job.RunAsync(requestId, CancellationToken.None), next);
        }
        catch (Exception scheduleError)
        {
            // The row says Retrying with NextAttemptAt; the sweep resumes it if this schedule is lost.
            logger.LogError(scheduleError, "Could not schedule the retry of request {RequestId}", requestId);
        }
    }

    /// <summary>
    /// Out of order: the installation's credentials were gone when the step ran. Received: it waits like any orphan.
    /// Processing: back to Received to wait, or Superseded when waiting can no longer help. Deciding (the
    /// installation was uninstalled while this decision was in doubt): Superseded when a newer event was applied,
    /// otherwise Failed for a person to look at; never left where every sweep would try it again.
    /// </summary>
    private async Task WaitForInstallAsync(PortalDbContext db, LifecycleRequest request, string error, CancellationToken ct)
    {
        if (request.State == RequestState.Received)
        {
            await orphans.ResolveAsync(db, request, ct);
            return;
        }
        if (await OrphanRequests.WhyMootAsync(db, request, ct) is { } why)
        {
            if (request.DecisionAttempts > 0)
                why += $" Its {request.Decision} was sent before and cannot be read back now.";
            await machine.MoveAsync(db, request, RequestTrigger.Supersede, ct, detail: why);
            return;
        }
        if (request.State == RequestState.Processing)
        {
            await machine.MoveAsync(db, request, RequestTrigger.WaitForInstall, ct,
                r => r.WaitingReason = OrphanRequests.WaitingForInstall, detail: error);
            return;
        }
        logger.LogWarning("Request {RequestId} lost its installation's credentials at {State}: {Error}", request.Id, request.State, error);
        await machine.MoveAsync(db, request, RequestTrigger.PermanentFailure, ct,
            r => r.Error = error, detail: $"At {request.State}: {error}");
    }

    private static string Trim(string message)
    {
        message = message.TrimEnd('.', ' ');
        return message.Length > 1000 ? message[..1000] : message;
    }
}
