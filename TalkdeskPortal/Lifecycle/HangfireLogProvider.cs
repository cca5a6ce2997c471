using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace TalkdeskPortal.Lifecycle;

/// <summary>
/// Hangfire keeps one log provider for the whole process (a static), set by whichever host configured Hangfire last.
/// When that host has stopped, its logger factory is disposed and Hangfire's own provider throws from every
/// constructor that asks for a logger, so a second host in the same process (tests, a restore) fails to start.
/// This provider answers with a silent logger instead; a host that is running has set its own provider already.
/// </summary>
internal sealed class HangfireLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return SilentLog.Instance;
        }
    }

    private sealed class SilentLog : ILog
    {
        public static readonly SilentLog Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
