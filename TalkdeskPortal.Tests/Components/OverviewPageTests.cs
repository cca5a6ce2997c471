using Bunit;
using TalkdeskPortal.Components.Pages.Overview;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Staff;

namespace TalkdeskPortal.Tests.Components;

public sealed class OverviewPageTests : ComponentTestBase
{
    [Fact]
    public void Overview_CountsRetryingApartFromFailed_EachLinkingToTheQueueFilteredByIt()
    {
        SignInAs("viewer", StaffRoles.Viewer);
        Seed("flaky-1", RequestState.Retrying, attempts: 1, nextAttemptIn: TimeSpan.FromMinutes(1));
        Seed("flaky-2", RequestState.Retrying, attempts: 4, nextAttemptIn: TimeSpan.FromMinutes(15));
        Seed("broken", RequestState.Failed, error: "400");

        var cut = Render<OverviewPage>();

        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-test='count-Retrying']").TextContent.Trim()));
        Assert.Equal("1", cut.Find("[data-test='count-Failed']").TextContent.Trim());
        Assert.Equal("queue?state=Retrying", cut.Find("[data-test='count-Retrying']").GetAttribute("href"));
        Assert.Equal("queue?state=Failed", cut.Find("[data-test='count-Failed']").GetAttribute("href"));
        Assert.Equal("Retrying: 2. Open in the queue", cut.Find("[data-test='count-Retrying']").GetAttribute("aria-label"));
    }
}
