using Hangfire.Dashboard;
using TalkdeskPortal.Staff;

namespace TalkdeskPortal.Lifecycle.Jobs;

/// <summary>The Hangfire dashboard is for Admins (the endpoint also requires the policy; this is the second lock).</summary>
public sealed class AdminDashboardAuthorizationFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(StaffRoles.Admin);
}
