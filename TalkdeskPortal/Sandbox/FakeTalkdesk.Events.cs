using System.Text.Json.Nodes;

namespace TalkdeskPortal.Sandbox;

// The events the fake sends (TALKDESK.md §2); each is kept so GET /apps/{app_id}/events/{id} returns it.
public sealed partial class FakeTalkdesk
{
    public JsonObject InstalledEvent(FakeInstallation i, Uri apiRoot)
    {
        lock (_gate) i.SetState("installing", null, Now);
        return Envelope("app.installed", i, apiRoot, WithCredentials(Basics(i), i));
    }

    public JsonObject UpdatedEvent(FakeInstallation i, Uri apiRoot, IEnumerable<string>? addingUserIds = null,
        IEnumerable<string>? removingUserIds = null, string? planName = null, int? licenses = null)
    {
        var data = Basics(i);
        var adding = addingUserIds?.ToList() ?? [];
        var removing = removingUserIds?.ToList() ?? [];
        lock (_gate)
        {
            foreach (var user in i.Users)
            {
                if (adding.Contains(user.Id)) user.Licensed = true;
                if (removing.Contains(user.Id)) user.Licensed = false;
            }
            if (planName is not null) (i.PlanName, i.PlanType) = (planName, "paid");
            if (licenses is not null) i.TotalLicenses = licenses.Value;
            i.SetState("updating", null, Now);
        }
        if (adding.Count > 0 || removing.Count > 0)
            data["users"] = new JsonObject { ["adding"] = Ids(adding), ["removing"] = Ids(removing) };
        if (planName is not null || licenses is not null)
            data["subscription"] = new JsonObject
            {
                ["adding"] = new JsonObject { ["name"] = planName ?? i.PlanName, ["licenses"] = (licenses ?? i.TotalLicenses).ToString() },
            };
        return Envelope("app.updated", i, apiRoot, data);
    }

    public JsonObject UninstalledEvent(FakeInstallation i, Uri apiRoot, string message = "No longer needed")
    {
        lock (_gate) i.SetState("uninstalling", null, Now);
        var data = Basics(i);
        data["reason"] = new JsonObject { ["type"] = "other", ["message"] = message };
        return Envelope("app.uninstalled", i, apiRoot, data);
    }

    /// <summary>Issues a new credential set; the old one keeps working until the new one is acknowledged.</summary>
    public JsonObject CredentialsRotatedEvent(FakeInstallation i, Uri apiRoot)
    {
        Issue(i, i.Credentials.KeyAlgorithm);
        return Envelope("app.credentials_rotated", i, apiRoot, WithCredentials(Basics(i), i));
    }

    public JsonObject TrialEvent(FakeInstallation i, Uri apiRoot, string type)
    {
        var expires = Now.AddDays(type == "app.trial_ended" ? 0 : 14);
        i.TrialState = type["app.trial_".Length..];
        i.TrialExpiresAt = expires;
        var data = new JsonObject
        {
            ["installation_id"] = i.InstallationId,
            ["account_id"] = i.AccountId,
            ["expires_at"] = expires.ToString("O"),
        };
        return Envelope(type, i, apiRoot, data);
    }

    private JsonObject Envelope(string type, FakeInstallation i, Uri apiRoot, JsonObject data)
    {
        var id = FakeKeyPair.Hex(16);
        var root = apiRoot.ToString().TrimEnd('/');
        var evt = new JsonObject
        {
            ["id"] = id,
            ["created_at"] = Now.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"),
            ["api_version"] = "1",
            ["type"] = type,
            ["app_id"] = AppId,
            ["app_version_id"] = AppVersionId,
            ["app_version_name"] = "1.0.0",
            ["data"] = data,
            ["_links"] = new JsonObject
            {
                ["root"] = new JsonObject { ["href"] = root },
                ["self"] = new JsonObject { ["href"] = $"{root}/apps/{AppId}/events/{id}" },
                ["installation"] = new JsonObject { ["href"] = $"{root}/apps/{AppId}/installations/{i.InstallationId}" },
                ["userinfo"] = new JsonObject { ["href"] = $"{root}/users/me" },
            },
        };
        _events[id] = (JsonObject)evt.DeepClone();
        return evt;
    }

    private static JsonObject Basics(FakeInstallation i) => new()
    {
        ["installation_id"] = i.InstallationId,
        ["account_id"] = i.AccountId,
        ["account_name"] = i.AccountName,
    };

    private static JsonObject WithCredentials(JsonObject data, FakeInstallation i)
    {
        var c = i.Credentials;
        data["client_id"] = c.ClientId;
        data["client_secret"] = c.ClientSecret;
        data["private_key"] = c.PrivateKey;
        data["public_key"] = c.PublicKey;
        data["key_id"] = c.KeyId;
        data["key_algorithm"] = c.KeyAlgorithm;
        return data;
    }

    private static JsonArray Ids(IEnumerable<string> ids) => new(ids.Select(id => (JsonNode)JsonValue.Create(id)!).ToArray());
}
