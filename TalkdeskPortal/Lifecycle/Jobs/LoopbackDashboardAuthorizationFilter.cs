using System.Net;
using Hangfire.Dashboard;

namespace TalkdeskPortal.Lifecycle.Jobs;

/// <summary>Until staff sign-in exists, the Hangfire dashboard answers loopback requests only.</summary>
public sealed class LoopbackDashboardAuthorizationFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var remote = context.GetHttpContext().Connection.RemoteIpAddress;
        return remote is not null && IPAddress.IsLoopback(remote);
    }
}
