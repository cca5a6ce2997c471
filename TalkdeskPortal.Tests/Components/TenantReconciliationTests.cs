using Bunit;
using Microsoft.Extensions.DependencyInjection;
using TalkdeskPortal.Components.Pages.Tenants;
using TalkdeskPortal.Components.Shared;
using TalkdeskPortal.Staff;
using TalkdeskPortal.Tenants;

namespace TalkdeskPortal.Tests.Components;

public sealed class TenantReconciliationTests : ComponentTestBase
{
    // A zone far from UTC, so a time shown in the server's zone by mistake cannot pass.
    private static readonly ViewerTime Kolkata = ViewerTime.For("Asia/Kolkata");
    private static readonly DateTimeOffset Checked = new(2030, 1, 2, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Fixed = new(2030, 1, 1, 2, 15, 0, TimeSpan.Zero);

    public TenantReconciliationTests() => Services.AddSingleton<TenantQuery>();

    [Fact]
    public void TenantPage_ShowsLastChecked_AndTheDriftFixed_InTheViewersZone()
    {
        SignInAs("viewer", StaffRoles.Viewer);
        var tenant = SeedTenant(t =>
        {
            t.ReconciledAt = Checked;
            t.DriftFixedAt = Fixed;
            (t.DriftAdded, t.DriftRemoved) = (2, 1);
        });

        var cut = Render<TenantPage>(p => p.Add(x => x.Id, tenant.Id).AddCascadingValue(Kolkata));

        cut.WaitForAssertion(() => Assert.Contains("Last checked with Talkdesk: 2030-01-02 06:30 Asia/Kolkata", Line(cut)));
        Assert.Contains("drift fixed: +2 / \u22121 (2030-01-01 07:45 Asia/Kolkata)", cut.Find("[data-test=drift]").TextContent);
        Assert.Empty(cut.FindAll("[data-test=reconcile-flag]"));
    }

    [Fact]
    public void NeverChecked_SaysNotYet_WithoutADriftLine()
    {
        var cut = Render<TenantReconciliation>(p => p.Add(x => x.Tenant, NewTenant()));

        Assert.Contains("Last checked with Talkdesk: not yet", Line(cut));
        Assert.Empty(cut.FindAll("[data-test=drift]"));
    }

    [Fact]
    public void RefusedCredentials_AreFlagged_InWords_WithTheError()
    {
        var tenant = NewTenant();
        tenant.ReconciledAt = Checked;
        tenant.ReconcileError = "Talkdesk refused the stored credentials (401 invalid_client).";

        var cut = Render<TenantReconciliation>(p => p.Add(x => x.Tenant, tenant).AddCascadingValue(Kolkata));

        var flag = cut.Find("[data-test=reconcile-flag]").TextContent;
        Assert.Contains("no longer accepts this installation's credentials", flag);
        Assert.Contains("mappings are kept", flag);
        Assert.Contains("401 invalid_client", flag);
    }

    private static string Line(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> cut) =>
        System.Text.RegularExpressions.Regex.Replace(cut.Find("[data-test=reconciliation]").TextContent, @"\s+", " ");

    private static Tenant NewTenant() => new()
    {
        TalkdeskAccountId = "acc-" + Guid.NewGuid().ToString("N")[..8], AccountName = "drifty", Status = TenantStatus.Active,
        InstallationId = "inst-1", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
    };

    private Tenant SeedTenant(Action<Tenant> shape)
    {
        var tenant = NewTenant();
        shape(tenant);
        using var db = Db();
        db.Tenants.Add(tenant);
        db.SaveChanges();
        return tenant;
    }
}
