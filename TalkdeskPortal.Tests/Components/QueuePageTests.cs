using Bunit;
using MudBlazor;
using TalkdeskPortal.Components.Pages.Queue;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Staff;

namespace TalkdeskPortal.Tests.Components;

public sealed class QueuePageTests : ComponentTestBase
{
    [Fact]
    public void Queue_ListsRequests_AndHighlightsOnesCloseToTalkdesksTimeout()
    {
        SignInAs("viewer", StaffRoles.Viewer);
        Seed("relaxed", RequestState.AwaitingApproval, deadlineIn: TimeSpan.FromDays(5));
        Seed("urgent", RequestState.AwaitingApproval, deadlineIn: TimeSpan.FromHours(3));
        Render<MudPopoverProvider>();

        var cut = Render<QueuePage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-test=queue-row-link]").Count));
        var urgentRow = cut.FindAll("tr").Single(r => r.TextContent.Contains("urgent"));
        var relaxedRow = cut.FindAll("tr").Single(r => r.TextContent.Contains("relaxed"));
        Assert.NotNull(urgentRow.QuerySelector(".time-left-urgent"));
        Assert.Contains("queue-row-urgent", urgentRow.ClassName);
        Assert.Null(relaxedRow.QuerySelector(".time-left-urgent"));
        Assert.Contains("AwaitingApproval", urgentRow.TextContent);
    }

    [Fact]
    public void Viewer_GetsNoBulkApprove_ButAnApproverDoes()
    {
        Seed("someone", RequestState.AwaitingApproval);
        SignInAs("viewer", StaffRoles.Viewer);
        Render<MudPopoverProvider>();
        var asViewer = Render<QueuePage>();
        asViewer.WaitForAssertion(() => Assert.Single(asViewer.FindAll("[data-test=queue-row-link]")));
        Assert.Empty(asViewer.FindAll("[data-test=bulk-approve]"));

        SignInAs("approver", StaffRoles.Approver);
        var asApprover = Render<QueuePage>();
        asApprover.WaitForAssertion(() => Assert.Single(asApprover.FindAll("[data-test=bulk-approve]")));
    }

    [Fact]
    public void EmptyQueue_SaysWhatWillAppear()
    {
        SignInAs("viewer", StaffRoles.Viewer);
        Render<MudPopoverProvider>();

        var cut = Render<QueuePage>();

        cut.WaitForAssertion(() => Assert.Contains("Nothing here yet", cut.Markup));
    }
}
