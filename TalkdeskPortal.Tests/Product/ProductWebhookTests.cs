using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Product;
using TalkdeskPortal.Product.Events;

namespace TalkdeskPortal.Tests.Product;

/// <summary>Product:ApproveWhen = Immediately: Talkdesk hears the approve, then the product hears what changed.</summary>
public sealed class ProductWebhookTests : ProductTestBase
{
    [Fact]
    public async Task Install_SendsOneProvisionedWebhook_ThatTheStandardVerifierAccepts_WithTheLicensedUsers()
    {
        var installation = await InstallAsync("webhooked", users: 3);

        var hook = Assert.Single(await WaitForWebhooksAsync(1));
        Assert.Equal(ProductEventTypes.Provisioned, hook.Type);
        Assert.StartsWith("msg_", hook.Id);
        Assert.Matches("^v1,[A-Za-z0-9+/=]{44}$", hook.Headers["webhook-signature"]);
        var data = hook.Data;
        Assert.Equal(TenantKeys.For(installation.AccountId), data["tenant_id"]!.GetValue<string>());
        Assert.Equal(installation.AccountId, data["talkdesk_account_id"]!.GetValue<string>());
        Assert.Equal(installation.AccountName, data["account_name"]!.GetValue<string>());
        Assert.Equal(Talkdesk.ApiRoot.ToString().TrimEnd('/'), data["api_root"]!.GetValue<string>().TrimEnd('/'));
        var licensed = installation.Users.Where(u => u.Licensed).Select(u => u.Id).Order().ToList();
        Assert.Equal(licensed, data["users"]!.AsArray().Select(u => u!["talkdesk_user_id"]!.GetValue<string>()).Order().ToList());
        Assert.All(data["users"]!.AsArray(), u => Assert.Contains("@", u!["email"]!.GetValue<string>()));
        Assert.NotNull(data["admin_user"]);
        Assert.NotNull(data["plan"]);
        Assert.Equal(1, data["install_count"]!.GetValue<int>());

        var delivery = await WaitForDeliveryAsync(d => d.State == ProductDeliveryState.Delivered);
        Assert.Equal(1, delivery.Attempts);
        Assert.Equal(hook.Id, delivery.MessageId);
    }

    [Fact]
    public async Task Webhook_NeverCarriesASecretOrAToken()
    {
        var installation = await InstallAsync("nosecrets");
        var hook = Assert.Single(await WaitForWebhooksAsync(1));
        foreach (var secret in new[] { installation.Credentials.ClientSecret, installation.Credentials.ClientId, "client_secret", "private_key", "access_token", "BEGIN" })
            Assert.DoesNotContain(secret, hook.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RedeliveredTalkdeskEvent_SendsNoSecondWebhook()
    {
        var installation = Fake.CreateInstallation("twice");
        var evt = Fake.InstalledEvent(installation, Talkdesk.ApiRoot);
        await DeliverAsync(evt, RequestState.Completed);
        await WaitForWebhooksAsync(1);

        await Portal.PostEventAsync(evt); // Talkdesk's retry after 5 minutes, same id
        await Portal.PostEventAsync(evt);
        await Task.Delay(1000);

        Assert.Single(Product.Received);
        await using var db = Portal.Db();
        Assert.Equal(1, await db.ProductDeliveries.CountAsync());
    }

    [Fact]
    public async Task UpdateUninstallReinstall_ArriveInOrder_EachWithWhatChanged()
    {
        var installation = await InstallAsync("journey", users: 3);
        var before = await TenantAsync(installation.AccountId);
        var leaving = before.Users.First(u => !u.IsAdmin);
        var joining = Fake.AddUser(installation);
        await DeliverAsync(Fake.UpdatedEvent(installation, Talkdesk.ApiRoot, [joining.Id], [leaving.TalkdeskUserId], "Paid Plus", 10),
            RequestState.Completed);
        await DeliverAsync(Fake.UninstalledEvent(installation, Talkdesk.ApiRoot, "Too expensive"), RequestState.Completed);
        var again = Fake.Reinstall(installation);
        await DeliverAsync(Fake.InstalledEvent(again, Talkdesk.ApiRoot), RequestState.Completed);

        var hooks = await WaitForWebhooksAsync(4);
        Assert.Equal([ProductEventTypes.Provisioned, ProductEventTypes.Updated, ProductEventTypes.Uninstalled, ProductEventTypes.Reinstalled],
            hooks.Select(h => h.Type));
        Assert.Equal(4, hooks.Select(h => h.Id).Distinct().Count());

        var updated = hooks[1].Data;
        Assert.Equal(joining.Id, Assert.Single(updated["users_added"]!.AsArray())!["talkdesk_user_id"]!.GetValue<string>());
        Assert.Equal(joining.Email, updated["users_added"]![0]!["email"]!.GetValue<string>());
        Assert.Equal(leaving.TalkdeskUserId, Assert.Single(updated["users_removed"]!.AsArray())!["talkdesk_user_id"]!.GetValue<string>());
        Assert.Equal("Paid Plus", updated["plan"]!["name"]!.GetValue<string>());
        Assert.Equal(10, updated["plan"]!["licenses"]!.GetValue<int>());
        Assert.True(updated["plan_changed"]!.GetValue<bool>());

        Assert.Equal("Too expensive", hooks[2].Data["reason_message"]!.GetValue<string>());

        var reinstalled = hooks[3].Data;
        Assert.Equal(hooks[0].Data["tenant_id"]!.GetValue<string>(), reinstalled["tenant_id"]!.GetValue<string>());
        Assert.Equal(again.InstallationId, reinstalled["installation_id"]!.GetValue<string>());
        Assert.Equal(2, reinstalled["install_count"]!.GetValue<int>());
        Assert.Equal("en-US", reinstalled["settings"]!["locale"]!.GetValue<string>());
        Assert.Null(hooks[0].Data["settings"]);
    }

    [Fact]
    public async Task TrialEvent_SendsTrialChanged()
    {
        var installation = await InstallAsync("trying");
        await DeliverAsync(Fake.TrialEvent(installation, Talkdesk.ApiRoot, "app.trial_started"), RequestState.Completed);

        var hooks = await WaitForWebhooksAsync(2);
        Assert.Equal(ProductEventTypes.TrialChanged, hooks[1].Type);
        Assert.Equal("started", hooks[1].Data["trial_state"]!.GetValue<string>());
    }

    [Fact]
    public async Task ForgedOrStaleDeliveries_AreRejectedByTheVerifier()
    {
        await InstallAsync("verify");
        var hook = Assert.Single(await WaitForWebhooksAsync(1));
        var verifier = new StandardWebhook(Product.Secret);
        verifier.Verify(hook.Body, Headers(hook.Headers)); // the genuine one passes

        var tampered = hook.Body.Replace("\"install_count\":1", "\"install_count\":9");
        Assert.NotEqual(hook.Body, tampered);
        Assert.Throws<WebhookVerificationException>(() => verifier.Verify(tampered, Headers(hook.Headers)));
        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(WebhookSecrets.New()).Verify(hook.Body, Headers(hook.Headers)));

        // The same body signed correctly but ten minutes ago: a replay, refused for its age.
        var old = DateTimeOffset.UtcNow.AddMinutes(-10);
        var stale = new Dictionary<string, string>(hook.Headers)
        {
            ["webhook-timestamp"] = old.ToUnixTimeSeconds().ToString(),
            ["webhook-signature"] = verifier.Sign(hook.Id, old, hook.Body),
        };
        var ex = Assert.Throws<WebhookVerificationException>(() => verifier.Verify(hook.Body, Headers(stale)));
        Assert.Contains("too old", ex.Message);

        // And over HTTP: the product's endpoint answers 401 to a forged delivery, which is not counted.
        using var forged = new HttpRequestMessage(HttpMethod.Post, Product.Url) { Content = new StringContent(tampered) };
        foreach (var (k, v) in hook.Headers.Where(h => h.Key.StartsWith("webhook-"))) forged.Headers.TryAddWithoutValidation(k, v);
        using var http = new HttpClient();
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await http.SendAsync(forged)).StatusCode);
        Assert.Single(Product.Verified);
    }

    private static HeaderDictionary Headers(IReadOnlyDictionary<string, string> headers) =>
        new(headers.ToDictionary(h => h.Key, h => new Microsoft.Extensions.Primitives.StringValues(h.Value)));
}
