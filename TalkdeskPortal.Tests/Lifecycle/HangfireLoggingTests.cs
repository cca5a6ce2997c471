using Hangfire.Logging;
using Microsoft.Extensions.Logging;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Lifecycle;

/// <summary>
/// Hangfire's log provider is one static for the process. A portal that has stopped must not leave behind a provider
/// that throws, or the next host in the process fails to start (seen in CI: ObjectDisposedException from LoggerFactory).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class HangfireLoggingTests
{
    [Fact]
    public void AfterAPortalStops_HangfiresProcessWideLogProvider_StillHandsOutLoggers()
    {
        using (PortalApp.StartWithSandbox("Development")) { }

        var log = LogProvider.GetLogger("after-stop");

        Assert.False(log.Log(Hangfire.Logging.LogLevel.Info, () => "nobody listens"));
    }

    [Fact]
    public void WhileThePortalRuns_HangfireLogsReachItsLoggers()
    {
        using var portal = PortalApp.StartWithSandbox("Development");

        LogProvider.GetLogger("Hangfire.Test").Log(Hangfire.Logging.LogLevel.Warn, () => "from hangfire");

        Assert.Contains(portal.Logs.Lines, line => line.StartsWith("Warning Hangfire.Test: from hangfire"));
    }
}
