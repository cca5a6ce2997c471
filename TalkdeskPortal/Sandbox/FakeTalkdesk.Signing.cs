using System.Security.Cryptography;

namespace TalkdeskPortal.Sandbox;

// Talkdesk's event signing key (the unofficial X-Hub-Ecdsa-Signature scheme), to sign deliveries in tests.
public sealed partial class FakeTalkdesk
{
    private readonly ECDsa _signingKey = ECDsa.Create(ECCurve.NamedCurves.nistP521);

    public string SigningKeyId { get; } = "sig-" + FakeKeyPair.Hex(6);

    public string SigningPublicKeyBase64 => Convert.ToBase64String(_signingKey.ExportSubjectPublicKeyInfo());

    /// <summary>ECDSA with SHA-512 over the raw body, Base64 (IEEE P1363 form).</summary>
    public string SignEcdsa(byte[] body) => Convert.ToBase64String(_signingKey.SignData(body, HashAlgorithmName.SHA512));
}
