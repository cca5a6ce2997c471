using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace TalkdeskPortal.Tests.Support;

/// <summary>A credential set Talkdesk never issued, written over an event's data (a forgery, or a tampered delivery).</summary>
public static class ForgedCredentials
{
    public static void WriteInto(JsonObject evt)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var data = evt["data"]!.AsObject();
        data["client_id"] = "forged-client";
        data["client_secret"] = "forged-secret";
        data["key_id"] = "forged-key";
        data["private_key"] = Convert.ToBase64String(key.ExportPkcs8PrivateKey());
        data["public_key"] = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());
    }
}
