using Bunit;
using Microsoft.Extensions.DependencyInjection;
using TalkdeskPortal.Components.Pages.Tenants;
using TalkdeskPortal.Components.Shared;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Staff;
using TalkdeskPortal.Tenants;

namespace TalkdeskPortal.Tests.Components;

/// <summary>The tenant page: plan and trial in the same words, times in the viewer's zone, long values wrapped.</summary>
public sealed class TenantPageTests : ComponentTestBase
{
    // Far from UTC on purpose: the trial's end falls on the next day in Kolkata, so a UTC date cannot pass.
    private static readonly ViewerTime Kolkata = ViewerTime.For("Asia/Kolkata");
    private static readonly DateTimeOffset TrialEnds = new(2026, 12, 13, 20, 0, 0, TimeSpan.Zero);

    public TenantPageTests()
    {
        Services.AddSingleton<TenantQuery>();
        SignInAs("viewer", StaffRoles.Viewer);
    }

    [Fact]
    public void ATrialUnderway_ReadsAsItsStateAndEnd_InTheViewersZone_BesideThePlanNamedOnce()
    {
        var cut = RenderTenant(t => (t.SubscriptionName, t.SubscriptionType, t.TrialState, t.TrialExpiresAt) = ("Trial", "trial", "started", TrialEnds));

        Assert.Equal("started, ends 2026-12-14", Text(cut, "trial"));
        Assert.Equal("Trial", Text(cut, "plan"));
    }

    [Theory]
    [InlineData("Paid Plus", "paid", null, false, "Paid Plus (paid)", "no trial")]
    [InlineData("Trial", "trial", null, false, "Trial", "trial plan, no trial dates from Talkdesk yet")]
    [InlineData("Trial", "trial", "extended", true, "Trial", "extended, ends 2026-12-14")]
    [InlineData("Paid Plus", "paid", "ended", true, "Paid Plus (paid)", "ended 2026-12-14")]
    public void PlanAndTrial_AgreeInWords(string plan, string type, string? state, bool hasEnd, string expectedPlan, string expectedTrial)
    {
        var cut = RenderTenant(t => (t.SubscriptionName, t.SubscriptionType, t.TrialState, t.TrialExpiresAt) = (plan, type, state, hasEnd ? TrialEnds : null));

        Assert.Equal(expectedPlan, Text(cut, "plan"));
        Assert.Equal(expectedTrial, Text(cut, "trial"));
    }

    [Fact]
    public void InstallAndHistoryTimes_AreInTheViewersZone_AndSayWhichZone()
    {
        var installed = new DateTimeOffset(2030, 1, 2, 1, 0, 0, TimeSpan.Zero);
        var cut = RenderTenant(t => (t.InstalledAt, t.InstallCount) = (installed, 2), received: installed);

        Assert.Equal("2 (last 2030-01-02 06:30)", Text(cut, "installs"));
        Assert.Equal("—", Text(cut, "uninstalled"));
        Assert.Equal("2030-01-02 06:30", Text(cut, "history-received"));
        Assert.Contains("Times in Asia/Kolkata.", cut.Markup);
    }

    [Fact]
    public void ALongSettingValue_Wraps_InsteadOfBeingCutOff()
    {
        const string email = "accounts-payable.notifications+talkdesk-portal@a-very-long-company-name.example.com";
        var cut = RenderTenant(t => t.Settings.Add(new TenantSetting { Key = "billing_email", Value = email }));

        var value = cut.Find("[data-test=setting-value]");
        Assert.Equal(email, value.TextContent);
        Assert.Contains("overflow-wrap:anywhere", value.GetAttribute("style"));
    }

    private IRenderedComponent<TenantPage> RenderTenant(Action<Tenant> shape, DateTimeOffset? received = null)
    {
        var tenant = new Tenant
        {
            TalkdeskAccountId = "acc-" + Guid.NewGuid().ToString("N")[..8], AccountName = "acme", Status = TenantStatus.Active,
            InstallationId = "inst-1", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        };
        shape(tenant);
        using (var db = Db())
        {
            db.Tenants.Add(tenant);
            db.SaveChanges();
        }
        if (received is { } at)
        {
            var request = Seed("acme", RequestState.Completed);
            using var db = Db();
            db.Requests.Where(r => r.Id == request.Id).ToList().ForEach(r => (r.AccountId, r.ReceivedAt) = (tenant.TalkdeskAccountId, at));
            db.SaveChanges();
        }
        var cut = Render<TenantPage>(p => p.Add(x => x.Id, tenant.Id).AddCascadingValue(Kolkata));
        cut.WaitForElement("[data-test=trial]");
        return cut;
    }

    private static string Text(IRenderedComponent<TenantPage> cut, string test) =>
        System.Text.RegularExpressions.Regex.Replace(cut.Find($"[data-test={test}]").TextContent, @"\s+", " ").Trim();
}
