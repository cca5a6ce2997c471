namespace TalkdeskPortal.Lifecycle.Jobs;

/// <summary>
/// At start, every open request the database says is due (including those a crash left mid-step) goes back to the
/// runner; scheduled retries still in the future stay with Hangfire's durable schedule.
/// </summary>
public sealed class RecoveryService(RequestSweep sweep) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => sweep.RunAsync(recovering: true, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
