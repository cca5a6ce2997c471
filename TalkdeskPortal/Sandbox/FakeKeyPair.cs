using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using TalkdeskPortal.Talkdesk;

namespace TalkdeskPortal.Sandbox;

/// <summary>A credential set as Talkdesk issues it: the private key goes to the partner, the public key stays.</summary>
internal sealed class FakeKeyPair
{
    private FakeKeyPair(TalkdeskCredentials credentials, SecurityKey publicKey)
    {
        Credentials = credentials;
        PublicKey = publicKey;
    }

    public TalkdeskCredentials Credentials { get; }
    public SecurityKey PublicKey { get; }

    public static FakeKeyPair Create(string algorithm)
    {
        var keyId = Hex(8);
        byte[] privateKey, publicKey;
        SecurityKey verification;
        if (algorithm.StartsWith("ES", StringComparison.Ordinal))
        {
            using var ec = ECDsa.Create(algorithm switch
            {
                "ES256" => ECCurve.NamedCurves.nistP256,
                "ES384" => ECCurve.NamedCurves.nistP384,
                _ => ECCurve.NamedCurves.nistP521,
            });
            (privateKey, publicKey) = (ec.ExportPkcs8PrivateKey(), ec.ExportSubjectPublicKeyInfo());
            var pub = ECDsa.Create();
            pub.ImportSubjectPublicKeyInfo(publicKey, out _);
            verification = new ECDsaSecurityKey(pub) { KeyId = keyId };
        }
        else
        {
            using var rsa = RSA.Create(2048);
            (privateKey, publicKey) = (rsa.ExportPkcs8PrivateKey(), rsa.ExportSubjectPublicKeyInfo());
            var pub = RSA.Create();
            pub.ImportSubjectPublicKeyInfo(publicKey, out _);
            verification = new RsaSecurityKey(pub) { KeyId = keyId };
        }
        var credentials = new TalkdeskCredentials(Hex(16), Hex(24), Convert.ToBase64String(privateKey),
            Convert.ToBase64String(publicKey), keyId, algorithm);
        return new FakeKeyPair(credentials, verification);
    }

    public static string Hex(int bytes) => Convert.ToHexString(RandomNumberGenerator.GetBytes(bytes)).ToLowerInvariant();
}
