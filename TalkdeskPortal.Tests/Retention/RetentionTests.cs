using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Notifications;
using TalkdeskPortal.Product;
using TalkdeskPortal.Retention;
using TalkdeskPortal.Tenants;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Retention;

public sealed class RetentionTests : RetentionTestBase
{
    [Fact]
    public async Task AnUninstalledTenantsPersonalData_IsGoneFromTheFileAndItsLog_WhileItsSettingsStayForAReinstall()
    {
        var installation = await InstallAsync("forgetful", users: 40);
        var people = installation.Users.SelectMany(u => new[] { u.Email, u.Name }).ToList();
        await using (var db = Portal.Db())
        {
            var tenant = await db.Tenants.Include(t => t.Settings).SingleAsync();
            tenant.Settings.Single(s => s.Key == "locale").Value = "pt-PT"; // the customer changed a setting
            await db.SaveChangesAsync();
        }
        await DeliverAsync(Fake.UninstalledEvent(installation, Talkdesk.ApiRoot), RequestState.Completed);
        Assert.Contains(people[0], DatabaseFiles()); // the search finds what is there
        await PassTheWindowAsync();

        var run = await PurgeAsync();

        Assert.Equal(1, run.Tenants);
        var files = DatabaseFiles();
        foreach (var person in people) Assert.False(files.Contains(person), $"'{person}' is still in portal.db or its log");
        var erased = await TenantAsync(installation.AccountId);
        Assert.Empty(erased.Users);
        Assert.Equal(TenantEraser.RetentionActor, erased.PersonalDataErasedBy);
        Assert.NotNull(erased.PersonalDataErasedAt);
        Assert.Equal("pt-PT", erased.Settings.Single(s => s.Key == "locale").Value);
        Assert.Equal("", erased.Settings.Single(s => s.Key == "notifications_email").Value); // the admin's address
        await using (var db = Portal.Db())
            Assert.True(await db.Audit.AnyAsync(a => a.Action == TenantEraser.Action && a.TenantId == erased.Id && a.Actor == TenantEraser.RetentionActor));

        var again = Fake.Reinstall(installation);
        await DeliverAsync(Fake.InstalledEvent(again, Talkdesk.ApiRoot), RequestState.Completed);

        var back = await TenantAsync(installation.AccountId);
        Assert.Equal(erased.Id, back.Id);
        Assert.Equal(TenantStatus.Active, back.Status);
        Assert.Equal("pt-PT", back.Settings.Single(s => s.Key == "locale").Value);
        Assert.Equal(installation.Users.Count, back.Users.Count);
        Assert.Equal(0, (await PurgeAsync()).Tenants); // an installed tenant is not retention's
    }

    [Fact]
    public async Task AFinishedRequestsPayloads_AreErased_WhileItsRowAndAuditStay_AndAnOpenRequestKeepsItsOwn()
    {
        var installation = Fake.CreateInstallation("payloads", userCount: 2);
        var install = await DeliverAsync(Fake.InstalledEvent(installation, Talkdesk.ApiRoot), RequestState.Completed);
        var joining = Fake.AddUser(installation, licensed: true);
        var update = await DeliverAsync(Fake.UpdatedEvent(installation, Talkdesk.ApiRoot, [joining.Id]), RequestState.AwaitingApproval);
        var (sent, waiting) = await AddWebhooksAsync(install, update, installation.Users[0].Email);
        int auditBefore;
        await using (var db = Portal.Db()) auditBefore = await db.Audit.CountAsync(a => a.RequestId == install.Id);
        await PassTheWindowAsync();

        var run = await PurgeAsync();

        Assert.Equal(1, run.Requests);
        var erased = await RequestAsync(install.Id);
        Assert.Equal(RequestState.Completed, erased.State);
        Assert.NotNull(erased.PayloadsErasedAt);
        Assert.Null(erased.DataJson);
        var open = await RequestAsync(update.Id);
        Assert.Null(open.PayloadsErasedAt);
        Assert.NotNull(open.DataJson);
        await using (var db = Portal.Db())
        {
            Assert.Equal(PayloadEraser.ErasedJson, (await db.Events.SingleAsync(e => e.Id == install.EventId)).RedactedPayload);
            Assert.NotEqual(PayloadEraser.ErasedJson, (await db.Events.SingleAsync(e => e.Id == update.EventId)).RedactedPayload);
            Assert.Equal(auditBefore, await db.Audit.CountAsync(a => a.RequestId == install.Id));
            Assert.Equal(PayloadEraser.ErasedJson, (await db.ProductDeliveries.SingleAsync(d => d.Id == sent)).Body);
            Assert.Null((await db.ProductDeliveryAttempts.SingleAsync(a => a.DeliveryId == sent)).ResponseSnippet);
            Assert.Equal("", (await db.Notifications.SingleAsync(n => n.RequestId == install.Id)).Body);
            Assert.Contains("@", (await db.ProductDeliveries.SingleAsync(d => d.Id == waiting)).Body); // still to be sent
            Assert.DoesNotContain("@", (await db.Audit.SingleAsync(a => a.RequestId == install.Id && a.Action == "test.drift")).Detail);
        }
        Assert.Equal(0, (await PurgeAsync()).Requests); // safe to run twice
    }

    // What the product bridge and the notifications would have written: one delivered webhook with an answer, one
    // still waiting (of the open request), one sent mail, and an audit entry that names a user.
    private async Task<(long Sent, long Waiting)> AddWebhooksAsync(LifecycleRequest done, LifecycleRequest open, string email)
    {
        var now = DateTimeOffset.UtcNow;
        var body = "{\"type\":\"tenant.provisioned\",\"data\":{\"users\":[{\"email\":\"" + email + "\"}]}}";
        ProductDelivery Delivery(LifecycleRequest r, ProductDeliveryState state) => new()
        {
            MessageId = "msg_" + r.Id, Type = "tenant.provisioned", AccountId = r.AccountId, RequestId = r.Id, Body = body, State = state,
            CreatedAt = now, UpdatedAt = now,
        };
        var sent = Delivery(done, ProductDeliveryState.Delivered);
        sent.AttemptLog.Add(new ProductDeliveryAttempt { Number = 1, StartedAt = now, StatusCode = 200, ResponseSnippet = $"welcome {email}", Trigger = "system" });
        var waiting = Delivery(open, ProductDeliveryState.Pending);
        await using var db = Portal.Db();
        db.ProductDeliveries.AddRange(sent, waiting);
        db.Notifications.Add(new NotificationMessage
        {
            DedupeKey = "test:" + done.Id, Recipient = "staff@partner.example", RequestId = done.Id, Subject = "Install", Body = "Install for payloads",
            State = NotificationState.Sent, CreatedAt = now, UpdatedAt = now,
        });
        db.Audit.Add(new AuditEntry { At = now, Actor = "system", Action = "test.drift", Outcome = AuditOutcomes.Ok, RequestId = done.Id, Detail = $"u1 ({email}) added" });
        await db.SaveChangesAsync();
        return (sent.Id, waiting.Id);
    }
}
