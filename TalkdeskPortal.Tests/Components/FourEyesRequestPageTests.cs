using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using TalkdeskPortal.Components.Pages.Policy;
using TalkdeskPortal.Components.Pages.Queue;
using TalkdeskPortal.Components.Pages.Requests;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Staff;
using TalkdeskPortal.Talkdesk;

namespace TalkdeskPortal.Tests.Components;

/// <summary>The request page, Queue and Policy page under Approval:RequireTwoApprovers.</summary>
public sealed class FourEyesRequestPageTests : ComponentTestBase
{
    private const string Alice = "alice@partner.example";
    private const string Bob = "bob@partner.example";

    private void RequireTwo(bool on = true) =>
        Services.GetRequiredService<PolicyStore>().SaveAsync(new ApprovalOptions { Install = ApprovalMode.Manual, RequireTwoApprovers = on }, "admin")
            .GetAwaiter().GetResult();

    private LifecycleRequest SeedFirstDecision(string account, string by, InstallationDecision decision = InstallationDecision.Approve, string? reason = null)
    {
        var request = Seed(account, RequestState.AwaitingApproval);
        using var db = Db();
        var row = db.Requests.Single(r => r.Id == request.Id);
        (row.FirstDecision, row.FirstDecisionBy, row.FirstDecisionAt, row.FirstDecisionReason) =
            (decision, by, new DateTimeOffset(2026, 3, 2, 9, 15, 0, TimeSpan.Zero), reason);
        db.SaveChanges();
        return row;
    }

    [Fact]
    public void TheFirstApprover_SeesTheWait_AndADisabledApproveThatSaysWhy()
    {
        SignInAs(Alice, StaffRoles.Approver);
        RequireTwo();
        var request = SeedFirstDecision("firstbyalice", Alice);

        var cut = Render<RequestPage>(p => p.Add(x => x.Id, request.Id));

        cut.WaitForAssertion(() => Assert.Contains("waiting for a second approver", cut.Find("[data-test=first-decision]").TextContent));
        Assert.Contains($"Approved by {Alice}", cut.Find("[data-test=first-decision]").TextContent);
        Assert.Contains("2026-03-02", cut.Find("[data-test=first-decision]").TextContent);
        Assert.Single(cut.FindAll("[data-test=first-decision-mine]"));
        var approve = cut.Find("[data-test=approve]");
        Assert.True(approve.HasAttribute("disabled"));
        Assert.Contains("different Approver", approve.GetAttribute("title"));
        Assert.Equal("first-decision-note", approve.GetAttribute("aria-describedby"));
        Assert.False(cut.Find("[data-test=reject]").HasAttribute("disabled"));
    }

    [Fact]
    public void ASecondApprover_SeesApproveSecond_AndCompletesIt()
    {
        SignInAs(Bob, StaffRoles.Approver);
        RequireTwo();
        var request = SeedFirstDecision("secondbybob", Alice);
        var dialogs = Render<MudDialogProvider>();

        var cut = Render<RequestPage>(p => p.Add(x => x.Id, request.Id));

        cut.WaitForAssertion(() => Assert.Contains("Approve (second)", cut.Find("[data-test=approve]").TextContent));
        Assert.False(cut.Find("[data-test=approve]").HasAttribute("disabled"));
        Assert.Empty(cut.FindAll("[data-test=first-decision-mine]"));
        cut.Find("[data-test=approve]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Talkdesk completes", dialogs.Find("[data-test=decision-note]").TextContent));
        dialogs.Find("[data-test=confirm-approve]").Click();

        cut.WaitForAssertion(() => Assert.Equal(RequestState.Deciding, Reload(request.Id).State));
        var row = Reload(request.Id);
        Assert.Equal((InstallationDecision.Approve, Bob), (row.Decision, row.DecidedBy));
    }

    [Fact]
    public void AFirstApproveFromThePage_IsRecorded_AndThePageThenShowsTheWait()
    {
        SignInAs(Alice, StaffRoles.Approver);
        RequireTwo();
        var request = Seed("firstclick", RequestState.AwaitingApproval);
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<RequestPage>(p => p.Add(x => x.Id, request.Id));
        cut.WaitForAssertion(() => Assert.Equal("Approve", cut.Find("[data-test=approve]").TextContent.Trim()));

        cut.Find("[data-test=approve]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Two approvers are required", dialogs.Find("[data-test=decision-note]").TextContent));
        dialogs.Find("[data-test=confirm-approve]").Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-test=first-decision]")));
        var row = Reload(request.Id);
        Assert.Equal((RequestState.AwaitingApproval, InstallationDecision.Approve, Alice), (row.State, row.FirstDecision, row.FirstDecisionBy));
        Assert.True(cut.Find("[data-test=approve]").HasAttribute("disabled"));
    }

    [Fact]
    public void AFirstRejection_ShowsItsReason_AndOffersRejectSecond()
    {
        SignInAs(Bob, StaffRoles.Approver);
        RequireTwo();
        var request = SeedFirstDecision("firstreject", Alice, InstallationDecision.Reject, "Unknown customer");

        var cut = Render<RequestPage>(p => p.Add(x => x.Id, request.Id));

        cut.WaitForAssertion(() => Assert.Contains("Reject (second)", cut.Find("[data-test=reject]").TextContent));
        Assert.Contains("Rejected by", cut.Find("[data-test=first-decision]").TextContent);
        Assert.Contains("Unknown customer", cut.Find("[data-test=first-decision]").TextContent);
        Assert.Equal("Approve", cut.Find("[data-test=approve]").TextContent.Trim()); // an approve would replace it
    }

    [Fact]
    public void WithThePolicyOff_ThePageShowsNoWait_AndPlainButtons()
    {
        SignInAs(Alice, StaffRoles.Approver);
        RequireTwo(on: false);
        var request = SeedFirstDecision("switchedoff", Alice);

        var cut = Render<RequestPage>(p => p.Add(x => x.Id, request.Id));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-test=approve]")));
        Assert.Empty(cut.FindAll("[data-test=first-decision]"));
        Assert.False(cut.Find("[data-test=approve]").HasAttribute("disabled"));
        Assert.Equal("Approve", cut.Find("[data-test=approve]").TextContent.Trim());
    }

    [Fact]
    public void TheQueue_MarksRequestsWithAFirstApproval()
    {
        SignInAs(Bob, StaffRoles.Approver);
        RequireTwo();
        SeedFirstDecision("halfway", Alice);
        Seed("untouched", RequestState.AwaitingApproval);
        Render<MudPopoverProvider>();

        var cut = Render<QueuePage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-test=queue-row-link]").Count));
        var marker = Assert.Single(cut.FindAll("[data-test=queue-first-decision]"));
        Assert.Contains($"1 of 2: approved by {Alice}", marker.TextContent);
        Assert.Contains("halfway", marker.Closest("tr")!.TextContent);
    }

    [Fact]
    public async Task ThePolicyPage_SavesTheTwoApproverSwitch()
    {
        SignInAs("admin", StaffRoles.Admin);
        Render<MudPopoverProvider>();
        var cut = Render<PolicyPage>();

        var toggle = cut.FindComponents<MudSwitch<bool>>().Single(s => s.Instance.Label == "Require two approvers");
        await cut.InvokeAsync(() => toggle.Instance.ValueChanged.InvokeAsync(true));
        cut.Find("[data-test=policy-save]").Click();

        cut.WaitForAssertion(() => Assert.True(Services.GetRequiredService<PolicyStore>().Current.RequireTwoApprovers));
        await using var db = Db();
        Assert.True((await db.Policy.SingleAsync()).RequireTwoApprovers);
        Assert.Contains("two approvers", await db.Audit.Where(a => a.Action == "policy.changed").Select(a => a.Detail).SingleAsync());
    }

    [Fact]
    public void BulkSummary_CountsByOutcome()
    {
        var summary = BulkSummary.For([DecisionOutcome.Accepted, DecisionOutcome.FirstRecorded, DecisionOutcome.FirstRecorded,
            DecisionOutcome.SameApprover, DecisionOutcome.NotAwaitingDecision]);

        Assert.False(summary.AllSent);
        Assert.Equal("Approved 1 of 5 requests; Talkdesk is being told now; 2 first approvals recorded, waiting for a second approver; "
                     + "1 already approved first by you (a different person must give the second); 1 decided by someone else or expired meanwhile.",
            summary.Message);
    }
}
