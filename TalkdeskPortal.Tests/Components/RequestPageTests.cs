using Bunit;
using MudBlazor;
using TalkdeskPortal.Components.Pages.Requests;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Lifecycle.Jobs;
using TalkdeskPortal.Staff;
using TalkdeskPortal.Talkdesk;
using Microsoft.Extensions.DependencyInjection;

namespace TalkdeskPortal.Tests.Components;

public sealed class RequestPageTests : ComponentTestBase
{
    [Fact]
    public void Detail_ShowsWhyItWaits_TheTimeline_AndTheRedactedPayload()
    {
        SignInAs("viewer", StaffRoles.Viewer);
        var request = Seed("waiting", RequestState.AwaitingApproval);

        var cut = Render<RequestPage>(p => p.Add(x => x.Id, request.Id));

        cut.WaitForAssertion(() => Assert.Contains("wait for staff", cut.Find("[data-test=waiting-reason]").TextContent));
        Assert.Contains("Delivery 1 from Talkdesk", cut.Markup);
        Assert.Contains("Confirmed with Talkdesk", cut.Markup);
        Assert.Contains("[redacted]", cut.Find("[data-test=payload]").TextContent);
    }

    [Fact]
    public void Viewer_SeesNoDecisionButtons_ApproverDoes_AndFailedShowsRetry()
    {
        var waiting = Seed("held", RequestState.AwaitingApproval);
        var failed = Seed("broken", RequestState.Failed, error: "Talkdesk answered 500");

        SignInAs("viewer", StaffRoles.Viewer);
        var asViewer = Render<RequestPage>(p => p.Add(x => x.Id, waiting.Id));
        asViewer.WaitForAssertion(() => Assert.NotEmpty(asViewer.FindAll("[data-test=waiting-reason]")));
        Assert.Empty(asViewer.FindAll("[data-test=approve]"));
        Assert.Empty(asViewer.FindAll("[data-test=reject]"));

        SignInAs("approver", StaffRoles.Approver);
        var asApprover = Render<RequestPage>(p => p.Add(x => x.Id, waiting.Id));
        asApprover.WaitForAssertion(() => Assert.Single(asApprover.FindAll("[data-test=approve]")));
        Assert.Single(asApprover.FindAll("[data-test=reject]"));
        var failedPage = Render<RequestPage>(p => p.Add(x => x.Id, failed.Id));
        failedPage.WaitForAssertion(() => Assert.Single(failedPage.FindAll("[data-test=retry]")));
        Assert.Contains("Talkdesk answered 500", failedPage.Markup);
    }

    [Fact]
    public void ConfirmingApprove_RecordsTheDecision_ForTheSignedInApprover()
    {
        SignInAs("alice@partner.example", StaffRoles.Approver);
        var request = Seed("approveme", RequestState.AwaitingApproval);
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<RequestPage>(p => p.Add(x => x.Id, request.Id));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-test=approve]")));

        cut.Find("[data-test=approve]").Click();
        dialogs.WaitForAssertion(() => Assert.Single(dialogs.FindAll("[data-test=confirm-approve]")));
        dialogs.Find("[data-test=confirm-approve]").Click();

        cut.WaitForAssertion(() => Assert.Equal(RequestState.Deciding, Reload(request.Id).State));
        var row = Reload(request.Id);
        Assert.Equal(InstallationDecision.Approve, row.Decision);
        Assert.Equal("alice@partner.example", row.DecidedBy);
        Assert.True(Services.GetRequiredService<RequestDispatcher>().Reader.TryRead(out var queued));
        Assert.Equal(request.Id, queued);
    }

    [Fact]
    public void CancellingTheDialog_RecordsNothing()
    {
        SignInAs("bob", StaffRoles.Approver);
        var request = Seed("notyet", RequestState.AwaitingApproval);
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<RequestPage>(p => p.Add(x => x.Id, request.Id));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-test=approve]")));

        cut.Find("[data-test=approve]").Click();
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("button")));
        dialogs.FindAll("button").First(b => b.TextContent.Contains("Cancel")).Click();

        Assert.Equal(RequestState.AwaitingApproval, Reload(request.Id).State);
        Assert.False(Services.GetRequiredService<RequestDispatcher>().Reader.TryRead(out _));
    }

    [Fact]
    public void Reject_NeedsAReason_ThenRecordsIt()
    {
        SignInAs("carol", StaffRoles.Approver);
        var request = Seed("rejectme", RequestState.AwaitingApproval);
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<RequestPage>(p => p.Add(x => x.Id, request.Id));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-test=reject]")));

        cut.Find("[data-test=reject]").Click();
        dialogs.WaitForAssertion(() => Assert.Single(dialogs.FindAll("[data-test=confirm-reject]")));
        Assert.True(dialogs.Find("[data-test=confirm-reject]").HasAttribute("disabled"));
        var reason = dialogs.Find("[data-test=reject-reason]");
        (reason.TagName is "TEXTAREA" or "INPUT" ? reason : reason.QuerySelector("textarea, input")!).Input("Not a customer we can serve");
        dialogs.WaitForAssertion(() => Assert.False(dialogs.Find("[data-test=confirm-reject]").HasAttribute("disabled")));
        dialogs.Find("[data-test=confirm-reject]").Click();

        cut.WaitForAssertion(() => Assert.Equal(RequestState.Deciding, Reload(request.Id).State));
        var row = Reload(request.Id);
        Assert.Equal(InstallationDecision.Reject, row.Decision);
        Assert.Equal("Not a customer we can serve", row.DecisionReason);
    }
}
