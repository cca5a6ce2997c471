using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Data;

public sealed class KeyProtectionTests : PortalTestBase
{
    private const string Password = "test-pfx-password";
    private readonly string _pfx = NewCertificate();

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["DataProtection:CertificatePath"] = _pfx;
        settings["DataProtection:CertificatePassword"] = Password;
    }

    [Fact]
    public async Task WithACertificate_TheKeyOnDiskHoldsNoPlainMasterKey_AndARestartStillReadsWhatWasProtected()
    {
        var secret = Protector(Portal).Protect("private key of acme");

        var xml = await File.ReadAllTextAsync(Assert.Single(KeyFiles(Portal)));
        Assert.Contains("<encryptedSecret", xml);
        Assert.DoesNotContain("<masterKey", xml);

        var dataDirectory = Portal.DataDirectory;
        await Portal.DisposeAsync();
        Portal = PortalApp.Start(Talkdesk, Configure, dataDirectory);
        Assert.Equal("private key of acme", Protector(Portal).Unprotect(secret));
    }

    [Fact]
    public async Task AfterTheCertificateIsReplaced_OldKeysStillDecrypt_OnlyWhileTheOldCertificateIsListedAsPrevious()
    {
        var secret = Protector(Portal).Protect("private key of acme");
        var dataDirectory = Portal.DataDirectory;
        var replacement = NewCertificate();
        await Portal.DisposeAsync();

        Portal = PortalApp.Start(Talkdesk, s => { s["DataProtection:CertificatePath"] = replacement; s["DataProtection:CertificatePassword"] = Password; }, dataDirectory);
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => Protector(Portal).Unprotect(secret));
        await Portal.DisposeAsync();

        Portal = PortalApp.Start(Talkdesk, s =>
        {
            s["DataProtection:CertificatePath"] = replacement;
            s["DataProtection:CertificatePassword"] = Password;
            s["DataProtection:PreviousCertificates:0:Path"] = _pfx;
            s["DataProtection:PreviousCertificates:0:Password"] = Password;
        }, dataDirectory);
        Assert.Equal("private key of acme", Protector(Portal).Unprotect(secret));
    }

    [Fact]
    public void TheKeyFolderIsOwnerOnly_AndSoIsEachKeyFile()
    {
        if (OperatingSystem.IsWindows()) return;
        Protector(Portal).Protect("x");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(Path.Combine(Portal.DataDirectory, "keys")));
        Assert.All(KeyFiles(Portal), f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));
    }

    [Fact]
    public void WithACertificate_NoUnprotectedKeyWarningIsLogged()
    {
        Protector(Portal).Protect("x");

        Assert.DoesNotContain("No XML encryptor configured", Portal.Logs.AllText);
    }

    internal static IDataProtector Protector(PortalApp portal) =>
        portal.Get<IDataProtectionProvider>().CreateProtector("KeyProtectionTests");

    internal static string[] KeyFiles(PortalApp portal) => Directory.GetFiles(Path.Combine(portal.DataDirectory, "keys"), "*.xml");

    private static string NewCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=TalkdeskPortal key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(TestData.NewDirectory(), "keys.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
        return path;
    }
}

public sealed class UnprotectedKeysTests : PortalTestBase
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["environment"] = "Production";

    [Fact]
    public void AProductionStartWithoutACertificate_WarnsThatKeysAreUnencrypted()
    {
        Assert.Contains(Portal.Logs.Lines, l => l.StartsWith("Warning") && l.Contains("Data Protection keys are stored unencrypted"));
    }

    [Fact]
    public void EvenUnencrypted_TheKeyFolderIsOwnerOnly()
    {
        if (OperatingSystem.IsWindows()) return;
        KeyProtectionTests.Protector(Portal).Protect("x");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(Path.Combine(Portal.DataDirectory, "keys")));
        Assert.All(KeyProtectionTests.KeyFiles(Portal), f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));
    }
}
