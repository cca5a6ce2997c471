using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Data;
using TalkdeskPortal.Lifecycle.Jobs;

namespace TalkdeskPortal.Lifecycle;

/// <summary>Staff retry of a Failed request: it goes back to the state it failed in and a worker picks it up at once.</summary>
public sealed class RequestRetry(IDbContextFactory<PortalDbContext> dbFactory, RequestStateMachine machine, RequestDispatcher dispatcher)
{
    public async Task<bool> RetryAsync(long requestId, string actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.Requests.FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is not { State: RequestState.Failed }) return false;
        var error = request.Error;
        var resumed = await machine.MoveAsync(db, request, RequestTrigger.StaffRetry, ct, r =>
        {
            r.Error = null;
            r.Attempts = 0;
        }, detail: $"Resuming at {request.ResumeState ?? RequestState.Received} after: {error}", actor: actor);
        if (resumed) dispatcher.Notify(requestId);
        return resumed;
    }
}
