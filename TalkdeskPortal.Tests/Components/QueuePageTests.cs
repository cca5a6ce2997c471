using Bunit;
using MudBlazor;
using TalkdeskPortal.Components.Pages.Queue;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
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
        Assert.Contains("Awaiting approval", urgentRow.TextContent);
    }

    [Fact]
    public void Queue_ShowsRequestTypesInWords()
    {
        SignInAs("viewer", StaffRoles.Viewer);
        Seed("rotated", RequestState.Completed, RequestKind.CredentialsRotated);
        Seed("trialing", RequestState.Completed, RequestKind.TrialStarted);
        Render<MudPopoverProvider>();

        var cut = Render<QueuePage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-test=queue-row-link]").Count));
        Assert.Contains("Credentials rotated", cut.FindAll("tr").Single(r => r.TextContent.Contains("rotated")).TextContent);
        Assert.Contains("Trial started", cut.FindAll("tr").Single(r => r.TextContent.Contains("trialing")).TextContent);
        Assert.DoesNotContain("CredentialsRotated", cut.Markup);
        Assert.DoesNotContain("TrialStarted", cut.Markup);
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

    [Fact]
    public async Task StateFilter_PicksRetryingApartFromFailed_AndRetryingRowsSayWhenTheNextTryIs()
    {
        SignInAs("viewer", StaffRoles.Viewer);
        Seed("flaky", RequestState.Retrying, error: "503", attempts: 2, nextAttemptIn: TimeSpan.FromMinutes(5));
        Seed("broken", RequestState.Failed, error: "400");
        Seed("held", RequestState.AwaitingApproval);
        Render<MudPopoverProvider>();
        var cut = Render<QueuePage>();
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-test=queue-row-link]").Count));

        var state = cut.FindComponents<MudSelect<RequestState?>>().Single(c => c.Instance.Label == "State");
        await cut.InvokeAsync(() => state.Instance.ValueChanged.InvokeAsync(RequestState.Retrying));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-test=queue-row-link]")));
        var row = cut.FindAll("tr").Single(r => r.QuerySelector("[data-test=queue-row-link]") is not null);
        Assert.Contains("flaky", row.TextContent);
        Assert.Contains("Next try", row.QuerySelector("[data-test=queue-next-attempt]")!.TextContent);
        Assert.Contains("in 5 min", row.QuerySelector("[data-test=queue-next-attempt]")!.TextContent);

        await cut.InvokeAsync(() => state.Instance.ValueChanged.InvokeAsync(RequestState.Failed));

        cut.WaitForAssertion(() => Assert.Contains("broken", cut.FindAll("tr").Single(r => r.QuerySelector("[data-test=queue-row-link]") is not null).TextContent));
        Assert.Empty(cut.FindAll("[data-test=queue-next-attempt]"));
    }

    [Fact]
    public void QueueOpenedFromTheRetryingCard_ShowsOnlyRetryingRows()
    {
        SignInAs("viewer", StaffRoles.Viewer);
        Seed("flaky", RequestState.Retrying, error: "503", attempts: 1, nextAttemptIn: TimeSpan.FromSeconds(30));
        Seed("broken", RequestState.Failed, error: "400");
        Services.GetRequiredService<NavigationManager>().NavigateTo("queue?state=Retrying");
        Render<MudPopoverProvider>();

        var cut = Render<QueuePage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-test=queue-row-link]")));
        Assert.DoesNotContain("broken", cut.Markup);
        Assert.Single(cut.FindAll("[data-test=queue-next-attempt]"));
    }
}
