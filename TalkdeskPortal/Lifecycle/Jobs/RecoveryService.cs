using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Data;

namespace TalkdeskPortal.Lifecycle.Jobs;

/// <summary>
/// Hangfire's storage is in memory, so at start every request the database says is unfinished is
/// handed to the dispatcher again, oldest event first.
/// </summary>
public sealed class RecoveryService(IDbContextFactory<PortalDbContext> dbFactory, RequestDispatcher dispatcher, ILogger<RecoveryService> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = await db.Requests
            .Where(r => RequestStates.Runnable.Contains(r.State))
            .OrderBy(r => r.EventCreatedAt).ThenBy(r => r.Id)
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
        foreach (var id in ids) dispatcher.Notify(id);
        if (ids.Count > 0) logger.LogInformation("Recovery re-enqueued {Count} unfinished requests", ids.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
