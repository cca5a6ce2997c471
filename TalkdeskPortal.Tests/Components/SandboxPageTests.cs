using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using TalkdeskPortal.Components.Layout;
using TalkdeskPortal.Components.Pages.Sandbox;
using TalkdeskPortal.Components.Shared;
using TalkdeskPortal.Sandbox;
using TalkdeskPortal.Staff;

namespace TalkdeskPortal.Tests.Components;

/// <summary>The sandbox plays Talkdesk against this portal: for Admins only, and checked again at every click.</summary>
public sealed class SandboxPageTests : ComponentTestBase
{
    [Fact]
    public async Task FormerAdmin_SandboxInstall_IsRefused_AndNothingIsCreated()
    {
        Services.AddSingleton<FakeTalkdesk>();
        Services.AddOptions<SandboxOptions>().Configure(o => (o.Enabled, o.PortalBaseUrl) = (true, "http://127.0.0.1:9/"));
        Services.AddSingleton(sp => new SandboxEventSender(new HttpClient(), sp.GetRequiredService<FakeTalkdesk>(),
            sp.GetRequiredService<IOptionsMonitor<SandboxOptions>>()));
        var id = SignInAs("erin@partner.example", StaffRoles.Admin);
        var cut = Render<SandboxPage>();
        Assert.Empty(await Services.GetRequiredService<StaffAdmin>().CreateAsync("other@partner.example", null, "Another-Admin-1", StaffRoles.Admin, "test"));

        Assert.Empty(await Services.GetRequiredService<StaffAdmin>().SetRoleAsync(id, StaffRoles.Viewer, "other@partner.example"));
        cut.Find("[data-test=sandbox-install]").Click();

        cut.WaitForAssertion(() => Assert.Contains(Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message == StaffRefusal.Message));
        Assert.Empty(Services.GetRequiredService<FakeTalkdesk>().Installations);
    }

    [Fact]
    public void SandboxLink_IsShownToAdmins_Only()
    {
        SignInAs("viewer", StaffRoles.Viewer);
        var asViewer = Render<NavMenu>();
        Assert.DoesNotContain("Sandbox", asViewer.Markup);

        SignInAs("admin", StaffRoles.Admin);
        var asAdmin = Render<NavMenu>();
        Assert.Single(asAdmin.FindAll("[data-test=nav-sandbox]"));
    }
}
