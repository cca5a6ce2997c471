using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace TalkdeskPortal.Talkdesk;

/// <summary>The private key of a credential set (Base64 PKCS#8, or PEM), as a signing key; disposes the key material.</summary>
internal sealed class SigningKey : IDisposable
{
    private readonly AsymmetricAlgorithm _algorithm;

    private SigningKey(AsymmetricAlgorithm algorithm, SecurityKey securityKey)
    {
        _algorithm = algorithm;
        SecurityKey = securityKey;
    }

    public SecurityKey SecurityKey { get; }

    public static SigningKey Import(TalkdeskCredentials credentials)
    {
        try
        {
            return Create(credentials, Decode(credentials.PrivateKey));
        }
        catch (CryptographicException)
        {
            throw new TalkdeskApiException($"The private key does not fit key algorithm '{credentials.KeyAlgorithm}'.");
        }
    }

    private static SigningKey Create(TalkdeskCredentials credentials, byte[] der)
    {
        switch (credentials.KeyAlgorithm)
        {
            case "ES256" or "ES384" or "ES512":
                var ec = ECDsa.Create();
                ec.ImportPkcs8PrivateKey(der, out _);
                return new SigningKey(ec, new ECDsaSecurityKey(ec) { KeyId = credentials.KeyId });
            case "PS256" or "PS384" or "PS512":
                var rsa = RSA.Create();
                rsa.ImportPkcs8PrivateKey(der, out _);
                return new SigningKey(rsa, new RsaSecurityKey(rsa) { KeyId = credentials.KeyId });
            default:
                throw new TalkdeskApiException($"Key algorithm '{credentials.KeyAlgorithm}' is not supported.");
        }
    }

    private static byte[] Decode(string privateKey)
    {
        try
        {
            var text = privateKey.Trim();
            if (text.StartsWith("-----BEGIN", StringComparison.Ordinal))
                text = string.Concat(text.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal)).Select(l => l.Trim()));
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            // Never echo the key itself.
            throw new TalkdeskApiException("The private key is not Base64 PKCS#8.");
        }
    }

    public void Dispose() => _algorithm.Dispose();
}
