using Hangfire;

namespace TalkdeskPortal.Lifecycle.Jobs;

/// <summary>Recurring: requests past Talkdesk's 7-day window become Expired, even if no job is due for them.</summary>
public sealed class ExpireOverdueRequestsJob(RequestExpiry expiry)
{
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Expire requests past Talkdesk's deadline")]
    public Task RunAsync(CancellationToken cancellationToken) => expiry.ExpireOverdueAsync(cancellationToken);
}
