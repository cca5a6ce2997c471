using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using TalkdeskPortal.Components.Pages.Policy;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Staff;

namespace TalkdeskPortal.Tests.Components;

public sealed class PolicyPageTests : ComponentTestBase
{
    [Fact]
    public async Task Preview_ListsOpenRequestsAChangeWouldHold_AndSavePersistsThePolicy()
    {
        SignInAs("admin", StaffRoles.Admin);
        var open = Seed("incoming", RequestState.Received);
        Seed("done", RequestState.Completed);
        Render<MudPopoverProvider>();
        var cut = Render<PolicyPage>();

        var installs = cut.FindComponents<ModeSelect>().First(c => c.Instance.Label == "Installs");
        await cut.InvokeAsync(() => installs.Instance.ValueChanged.InvokeAsync(ApprovalMode.Manual));
        cut.Find("[data-test=policy-preview]").Click();

        cut.WaitForAssertion(() => Assert.Contains($"#{open.Id}", cut.Find("[data-test=policy-changes]").TextContent));
        Assert.DoesNotContain("done", cut.Find("[data-test=policy-changes]").TextContent);
        Assert.Contains("Manual", cut.Find("[data-test=policy-changes]").TextContent);

        cut.Find("[data-test=policy-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal(ApprovalMode.Manual, Services.GetRequiredService<PolicyStore>().Current.Install));
        await using var db = Db();
        var saved = await db.Policy.SingleAsync();
        Assert.Equal(ApprovalMode.Manual, saved.Install);
        Assert.Equal("admin", saved.UpdatedBy);
    }

    [Fact]
    public async Task Preview_SaysSo_WhenNothingWouldChange()
    {
        SignInAs("admin", StaffRoles.Admin);
        Seed("incoming", RequestState.Received);
        Render<MudPopoverProvider>();
        var cut = Render<PolicyPage>();

        cut.Find("[data-test=policy-preview]").Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-test=policy-no-changes]")));
        await Task.CompletedTask;
    }
}
