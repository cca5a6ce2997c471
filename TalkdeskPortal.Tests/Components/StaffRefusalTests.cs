using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using TalkdeskPortal.Components.Pages.Queue;
using TalkdeskPortal.Components.Pages.Requests;
using TalkdeskPortal.Components.Shared;
using TalkdeskPortal.Dashboard;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Lifecycle.Jobs;
using TalkdeskPortal.Staff;

namespace TalkdeskPortal.Tests.Components;

/// <summary>A page keeps the user it opened with; every action re-reads the account's role before it acts.</summary>
public sealed class StaffRefusalTests : ComponentTestBase
{
    [Fact]
    public async Task DemotedApprover_ApproveInTheOpenPage_IsRefusedAndAudited()
    {
        var id = SignInAs("dana@partner.example", StaffRoles.Approver);
        var request = Seed("demoted", RequestState.AwaitingApproval);
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<RequestPage>(p => p.Add(x => x.Id, request.Id));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-test=approve]")));

        Assert.Empty(await Services.GetRequiredService<StaffAdmin>().SetRoleAsync(id, StaffRoles.Viewer, "admin@test.example"));
        cut.Find("[data-test=approve]").Click();
        dialogs.WaitForAssertion(() => Assert.Single(dialogs.FindAll("[data-test=confirm-approve]")));
        dialogs.Find("[data-test=confirm-approve]").Click();

        cut.WaitForAssertion(() => Assert.Contains(Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message == StaffRefusal.Message));
        Assert.Equal(RequestState.AwaitingApproval, Reload(request.Id).State);
        Assert.Null(Reload(request.Id).DecidedBy);
        Assert.False(Services.GetRequiredService<RequestDispatcher>().Reader.TryRead(out _));
        await using var db = Db();
        var refused = await db.Audit.SingleAsync(a => a.Action == StaffAccess.Refused);
        Assert.Equal("dana@partner.example", refused.Actor);
        Assert.Contains($"approve request #{request.Id}", refused.Detail);
        Assert.Contains("holds Viewer", refused.Detail);
    }

    [Fact]
    public async Task LockedOutApprover_BulkApprove_IsRefused()
    {
        var id = SignInAs("lee@partner.example", StaffRoles.Approver);
        var request = Seed("bulkheld", RequestState.AwaitingApproval);
        Render<MudPopoverProvider>();
        var cut = Render<QueuePage>();
        cut.WaitForAssertion(() => Assert.Contains("bulkheld", cut.Markup));
        var grid = cut.FindComponent<MudDataGrid<QueueRow>>();
        await cut.InvokeAsync(() => grid.Instance.SelectedItemsChanged.InvokeAsync([.. grid.Instance.FilteredItems]));

        Assert.Empty(await Services.GetRequiredService<StaffAdmin>().LockAsync(id, "admin@test.example"));
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-test=bulk-approve]").HasAttribute("disabled")));
        cut.Find("[data-test=bulk-approve]").Click();

        cut.WaitForAssertion(() => Assert.Contains(Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message == StaffRefusal.Message));
        Assert.Equal(RequestState.AwaitingApproval, Reload(request.Id).State);
        await using var db = Db();
        Assert.Contains("locked", (await db.Audit.SingleAsync(a => a.Action == StaffAccess.Refused)).Detail);
    }
}
