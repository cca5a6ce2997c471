using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalkdeskPortal.Components.Pages.Tenants;
using TalkdeskPortal.Components.Shared;
using TalkdeskPortal.Retention;
using TalkdeskPortal.Staff;
using TalkdeskPortal.Tenants;

namespace TalkdeskPortal.Tests.Components;

/// <summary>The tenant page's personal-data strip: retention's mark, and an Admin's Export and Erase.</summary>
public sealed class TenantPersonalDataTests : ComponentTestBase
{
    private static readonly ViewerTime Kolkata = ViewerTime.For("Asia/Kolkata");

    public TenantPersonalDataTests()
    {
        Services.AddSingleton<TenantQuery>();
    }

    [Fact]
    public void AnErasedTenant_SaysWhenAndByWhom_InTheViewersZone()
    {
        SignInAs("viewer", StaffRoles.Viewer);
        var tenant = AddTenant(TenantStatus.Uninstalled, t => (t.PersonalDataErasedAt, t.PersonalDataErasedBy) =
            (new DateTimeOffset(2030, 1, 2, 20, 0, 0, TimeSpan.Zero), TenantEraser.RetentionActor));

        var cut = RenderTenant(tenant);

        var note = cut.Find("[data-test=personal-data-erased]").TextContent;
        Assert.Contains("Personal data erased on 2030-01-03 01:30 Asia/Kolkata by retention", System.Text.RegularExpressions.Regex.Replace(note, @"\s+", " "));
        Assert.Empty(cut.FindAll("[data-test=export]")); // Admins only
        Assert.Empty(cut.FindAll("[data-test=erase]"));
    }

    [Fact]
    public void ForAnInstalledTenant_AnAdminMayExport_ButEraseIsDisabled_AndSaysWhy()
    {
        SignInAs("ada", StaffRoles.Admin);
        var tenant = AddTenant(TenantStatus.Active);

        var cut = RenderTenant(tenant);

        var export = cut.Find("[data-test=export]");
        Assert.Equal($"tenants/{tenant.Id}/export", export.GetAttribute("href"));
        Assert.True(export.HasAttribute("download"));
        var erase = cut.Find("[data-test=erase]");
        Assert.True(erase.HasAttribute("disabled"));
        Assert.Equal("erase-blocked", erase.GetAttribute("aria-describedby"));
        Assert.Contains("only an uninstalled customer", cut.Find("#erase-blocked").TextContent);
        Assert.Empty(cut.FindAll("[data-test=personal-data-erased]"));
    }

    [Fact]
    public void Erase_NeedsTheAccountNameTypedAndAReason_ThenErasesAndRecordsWho()
    {
        SignInAs("ada@partner.example", StaffRoles.Admin);
        var tenant = AddTenant(TenantStatus.Uninstalled, t => t.Users.Add(new TenantUser { TalkdeskUserId = "u1", Email = "jo@gone.example", Name = "Jo" }));
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        var cut = RenderTenant(tenant);

        cut.Find("[data-test=erase]").Click();
        dialogs.WaitForAssertion(() => Assert.Single(dialogs.FindAll("[data-test=confirm-erase]")));
        Assert.True(dialogs.Find("[data-test=confirm-erase]").HasAttribute("disabled"));
        Assert.NotNull(dialogs.Find("label[for=erase-account-name]"));
        Type(dialogs, "erase-account-name", "wrong-name");
        Type(dialogs, "erase-reason", "The customer asked");
        Assert.True(dialogs.Find("[data-test=confirm-erase]").HasAttribute("disabled"));
        Type(dialogs, "erase-account-name", tenant.AccountName);
        dialogs.WaitForAssertion(() => Assert.False(dialogs.Find("[data-test=confirm-erase]").HasAttribute("disabled")));
        dialogs.Find("[data-test=confirm-erase]").Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-test=personal-data-erased]")), TimeSpan.FromSeconds(10));
        using var db = Db();
        var erased = db.Tenants.AsNoTracking().Include(t => t.Users).Single(t => t.Id == tenant.Id);
        Assert.Empty(erased.Users);
        Assert.Equal("ada@partner.example", erased.PersonalDataErasedBy);
        Assert.Contains("The customer asked", db.Audit.Single(a => a.Action == TenantEraser.Action).Detail);
    }

    private Tenant AddTenant(TenantStatus status, Action<Tenant>? shape = null)
    {
        var tenant = new Tenant
        {
            TalkdeskAccountId = "acc-" + Guid.NewGuid().ToString("N")[..8], AccountName = "acme-" + Guid.NewGuid().ToString("N")[..4], Status = status,
            InstallationId = "inst-1", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            UninstalledAt = status == TenantStatus.Uninstalled ? DateTimeOffset.UtcNow : null,
        };
        shape?.Invoke(tenant);
        using var db = Db();
        db.Tenants.Add(tenant);
        db.SaveChanges();
        return tenant;
    }

    private IRenderedComponent<TenantPage> RenderTenant(Tenant tenant)
    {
        var cut = Render<TenantPage>(p => p.Add(x => x.Id, tenant.Id).AddCascadingValue(Kolkata));
        cut.WaitForElement("[data-test=trial]");
        return cut;
    }

    private static void Type(IRenderedComponent<MudBlazor.MudDialogProvider> dialogs, string inputId, string text) =>
        dialogs.Find($"#{inputId}").Input(text);
}
