using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Webhooks;

public sealed class HmacSignatureTests : PortalTestBase
{
    private const string Secret = "shared-webhook-secret-for-tests";

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Webhooks:Signatures:Hmac:Enabled"] = "true";
        settings["Webhooks:Signatures:Hmac:Secret"] = Secret;
    }

    [Theory]
    [InlineData("good sha1", HttpStatusCode.Accepted)]
    [InlineData("good sha256", HttpStatusCode.Accepted)]
    [InlineData("wrong secret", HttpStatusCode.Unauthorized)]
    [InlineData("body changed after signing", HttpStatusCode.Unauthorized)]
    [InlineData("missing", HttpStatusCode.Unauthorized)]
    [InlineData("not hex", HttpStatusCode.Unauthorized)]
    public async Task HmacSignature_IsChecked_BeforeAnythingIsStored(string variant, HttpStatusCode expected)
    {
        var body = Fake.InstalledEvent(Fake.CreateInstallation("signed"), Talkdesk.ApiRoot).ToJsonString();
        var signed = Encoding.UTF8.GetBytes(variant == "body changed after signing" ? body.Replace("signed", "signex") : body);
        string? header = variant switch
        {
            "good sha1" => "sha1=" + Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(Secret), signed)),
            "wrong secret" => "sha1=" + Convert.ToHexStringLower(HMACSHA1.HashData("other"u8.ToArray(), signed)),
            "missing" => null,
            "not hex" => "sha1=zz",
            _ => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), signed)),
        };

        var response = await Post(body, header is null ? [] : [("x-hub-signature", header)]);

        Assert.Equal(expected, response.StatusCode);
        await using var db = Portal.Db();
        Assert.Equal(expected == HttpStatusCode.Accepted ? 1 : 0, await db.Events.CountAsync());
    }

    private Task<HttpResponseMessage> Post(string body, (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/talkdesk") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return Portal.Http.SendAsync(request);
    }
}

public sealed class EcdsaSignatureTests : PortalTestBase
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["Webhooks:Signatures:Ecdsa:Enabled"] = "true";

    [Fact]
    public async Task GoodEcdsaSignatures_AreAccepted_AndTheKeyIsFetchedOnce()
    {
        for (var i = 0; i < 3; i++)
        {
            var body = Encoding.UTF8.GetBytes(Fake.InstalledEvent(Fake.CreateInstallation($"ecdsa{i}"), Talkdesk.ApiRoot).ToJsonString());
            var response = await Post(body, Fake.SignEcdsa(body), Fake.SigningKeyId);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        Assert.Single(Fake.Calls, c => c.Path.Contains("/signature-keys/"));
    }

    [Fact]
    public async Task SignedEventOfATypeThePortalIgnores_IsAcknowledged()
    {
        var evt = Fake.InstalledEvent(Fake.CreateInstallation("ecdsalogout"), Talkdesk.ApiRoot);
        evt["type"] = "user.logout";
        var body = Encoding.UTF8.GetBytes(evt.ToJsonString());

        Assert.Equal(HttpStatusCode.Accepted, (await Post(body, Fake.SignEcdsa(body), Fake.SigningKeyId)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(body, null, Fake.SigningKeyId)).StatusCode);

        await using var db = Portal.Db();
        Assert.True((await db.Events.SingleAsync()).Ignored);
    }

    [Fact]
    public async Task BadOrMissingEcdsaSignatures_AreRefused_AndNothingIsStored()
    {
        var body = Encoding.UTF8.GetBytes(Fake.InstalledEvent(Fake.CreateInstallation("ecdsabad"), Talkdesk.ApiRoot).ToJsonString());
        var signature = Fake.SignEcdsa(body);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("ecdsabad", "ecdsabae"));
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP521);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(tampered, signature, Fake.SigningKeyId)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(body, Convert.ToBase64String(otherKey.SignData(body, HashAlgorithmName.SHA512)), Fake.SigningKeyId)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(body, null, Fake.SigningKeyId)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(body, signature, "unknown-key")).StatusCode);

        await using var db = Portal.Db();
        Assert.Equal(0, await db.Events.CountAsync());
    }

    private Task<HttpResponseMessage> Post(byte[] body, string? signature, string keyId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/talkdesk") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        if (signature is not null) request.Headers.TryAddWithoutValidation("X-Hub-Ecdsa-Signature", signature);
        request.Headers.TryAddWithoutValidation("X-Hub-Ecdsa-Signature-Id", keyId);
        return Portal.Http.SendAsync(request);
    }
}
