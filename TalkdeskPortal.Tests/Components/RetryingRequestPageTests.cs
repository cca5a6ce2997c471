using Bunit;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Components.Pages.Requests;
using TalkdeskPortal.Components.Shared;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Staff;

namespace TalkdeskPortal.Tests.Components;

public sealed class RetryingRequestPageTests : ComponentTestBase
{
    // A zone far from UTC, so a time shown in the server's zone by mistake cannot pass.
    private static readonly ViewerTime Kolkata = ViewerTime.For("Asia/Kolkata");

    [Fact]
    public void RetryingRequest_SaysItRetriesByItself_WithAttempts_LastError_AndNextAttemptInTheViewersZone()
    {
        SignInAs("approver", StaffRoles.Approver);
        var request = Seed("flaky", RequestState.Retrying, error: "Talkdesk answered 503 Service Unavailable", attempts: 3,
            nextAttemptIn: TimeSpan.FromMinutes(2));

        var cut = Render<RequestPage>(p => p.Add(x => x.Id, request.Id).AddCascadingValue(Kolkata));

        cut.WaitForAssertion(() => Assert.Contains("Retrying automatically", cut.Find("[data-test=retrying]").TextContent));
        Assert.Equal("3", cut.Find("[data-test=retry-attempts]").TextContent.Trim());
        Assert.Contains("Talkdesk answered 503 Service Unavailable", cut.Find("[data-test=retry-error]").TextContent);
        var next = cut.Find("[data-test=retry-next]").TextContent;
        Assert.Contains(Kolkata.Format(request.NextAttemptAt!.Value, "yyyy-MM-dd HH:mm:ss") + " Asia/Kolkata", next);
        Assert.Contains("in 2 min", next);
        Assert.Contains("Retrying", cut.Find("[data-test=state-chip]").TextContent);
        // Nothing for staff to press while the portal retries by itself.
        Assert.Empty(cut.FindAll("[data-test=retry]"));
        Assert.Empty(cut.FindAll("[data-test=failed]"));
    }

    [Fact]
    public void FailedRequest_ShowsTheLastError_AndWhereRetryResumes()
    {
        SignInAs("approver", StaffRoles.Approver);
        var request = Seed("broken", RequestState.Failed, error: "Talkdesk answered 400: invalid installation");

        var cut = Render<RequestPage>(p => p.Add(x => x.Id, request.Id));

        cut.WaitForAssertion(() => Assert.Contains("invalid installation", cut.Find("[data-test=failed-error]").TextContent));
        Assert.Contains("resumes it at processing", cut.Find("[data-test=failed-resume]").TextContent);
        Assert.Single(cut.FindAll("[data-test=retry]"));
        Assert.Empty(cut.FindAll("[data-test=retrying]"));
    }

    [Fact]
    public void DecisionSentMoreThanOnce_SaysSo_AndThatLaterAttemptsReadTalkdeskBack()
    {
        SignInAs("viewer", StaffRoles.Viewer);
        var once = Seed("once", RequestState.Deciding, decisionAttempts: 1);
        var twice = Seed("twice", RequestState.Deciding, decisionAttempts: 2);

        var first = Render<RequestPage>(p => p.Add(x => x.Id, once.Id));
        var second = Render<RequestPage>(p => p.Add(x => x.Id, twice.Id));

        first.WaitForAssertion(() => Assert.StartsWith("once", first.Find("[data-test=decision-attempts]").TextContent.Trim()));
        second.WaitForAssertion(() => Assert.Contains("2 times", second.Find("[data-test=decision-attempts]").TextContent));
        Assert.Contains("reads Talkdesk back", second.Find("[data-test=decision-attempts]").TextContent);
    }

    [Fact]
    public void Timeline_ReadsTheRetryingStep_InWords_WithItsNextAttemptInTheViewersZone()
    {
        SignInAs("viewer", StaffRoles.Viewer);
        var request = Seed("flaky", RequestState.Retrying, error: "timeout", attempts: 1, nextAttemptIn: TimeSpan.FromSeconds(30));
        using (var db = Db())
        {
            db.Audit.Add(new AuditEntry
            {
                At = DateTimeOffset.UtcNow, Actor = AuditActors.System, Action = "request.retrying", Outcome = AuditOutcomes.Failed, RequestId = request.Id,
                Detail = "Attempt 1 at Processing: timeout. Next attempt 2030-01-01 12:00:00Z.",
            });
            db.SaveChanges();
        }

        var cut = Render<RequestPage>(p => p.Add(x => x.Id, request.Id).AddCascadingValue(Kolkata));

        cut.WaitForAssertion(() => Assert.Contains("retrying automatically", cut.Find(".request-timeline").TextContent));
        Assert.Contains("Next attempt 2030-01-01 17:30:00 Asia/Kolkata.", cut.Find(".request-timeline").TextContent);
        Assert.DoesNotContain("request.retrying", cut.Find(".request-timeline").TextContent);
    }

    [Theory]
    [InlineData("request.retrying")]
    [InlineData("request.retried")]
    [InlineData("tenant.unchanged")]
    [InlineData("request.waiting-for-install")]
    [InlineData("decision.confirmed")]
    public void EveryLifecycleAuditAction_HasWords(string action) =>
        Assert.NotEqual(action, TimelineText.Title(action));
}
